-- R25: replenishment calls timed by consumption (issue 17).

-- A variant's consumption: servings in one pack and the usual daily intake, both or neither.
ALTER TABLE product
    ADD COLUMN servings_per_pack INTEGER,
    ADD COLUMN daily_servings    NUMERIC(8, 3),
    ADD CONSTRAINT product_servings_together CHECK ((servings_per_pack IS NULL) = (daily_servings IS NULL)),
    ADD CONSTRAINT product_servings_positive CHECK (servings_per_pack >= 1 AND daily_servings > 0);

-- The head's choice per product category: a call (default, no row) or a message first.
CREATE TABLE category_replenishment (
    category      VARCHAR(40)  PRIMARY KEY,
    contact_first VARCHAR(10)  NOT NULL CHECK (contact_first IN ('CALL', 'MESSAGE')),
    changed_at    TIMESTAMPTZ  NOT NULL,
    changed_by    VARCHAR(100) NOT NULL
);

-- When fulfilment reported the order delivered (ShipmentDelivered): the start of the customer's supply.
ALTER TABLE customer_order ADD COLUMN delivered_at TIMESTAMPTZ;

-- The line's product family (R1), kept with the line: OrderPlaced carries it, and "ordered the family since" is
-- answered from the customer's later orders' lines without the catalogue.
ALTER TABLE order_line
    ADD COLUMN family_id            UUID,
    ADD COLUMN replenish_started_on DATE,
    ADD COLUMN replenish_run_out_on DATE,
    ADD COLUMN replenish_basis      VARCHAR(20),
    ADD COLUMN replenish_due_at     TIMESTAMPTZ,
    ADD COLUMN replenish_sent_at    TIMESTAMPTZ,
    ADD COLUMN replenish_outcome    VARCHAR(20);
UPDATE order_line l SET family_id = p.family_id FROM product p WHERE p.sku = l.sku AND p.family_id IS NOT NULL;

-- The scan reads only the lines still waiting, in due order: an index range scan up to "now".
CREATE INDEX order_line_replenish_due ON order_line (replenish_due_at)
    WHERE replenish_sent_at IS NULL AND replenish_due_at IS NOT NULL;

-- customer-service's erasure and consents as the scan needs them (CustomerErased, CustomerConsentChanged):
-- the channels with consent given, and the customer's version they came with (later versions supersede).
ALTER TABLE customer_projection
    ADD COLUMN erased_at          TIMESTAMPTZ,
    ADD COLUMN consented_channels TEXT[],
    ADD COLUMN consents_version   BIGINT;
