-- Identity: a customer registered from a storefront order whose phone or e-mail another customer
-- already has. Both stay (the order already carries the new id); the head merges them.
CREATE TABLE suspected_duplicate (
    customer_id       UUID        NOT NULL REFERENCES customer (id),
    existing_id       UUID        NOT NULL REFERENCES customer (id),
    matched_on        VARCHAR(10) NOT NULL, -- PHONE or EMAIL
    detected_at       TIMESTAMPTZ NOT NULL,
    order_id          UUID,
    PRIMARY KEY (customer_id, existing_id, matched_on)
);
CREATE INDEX suspected_duplicate_existing ON suspected_duplicate (existing_id);
-- registration channel: PHONE (by a manager), LACTOMIN or WATTN (a storefront buyer)
ALTER TABLE customer ADD COLUMN registered_via VARCHAR(20);
