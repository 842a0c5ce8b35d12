-- Order lifecycle (R4, R5, R6, R15): agreed terms, status history, payments, storefront intake,
-- the unpaid-order scan, and the projection of customer-service's customers.

-- The status formerly called PLACED is NEW: placed, terms being agreed.
UPDATE customer_order SET status = 'NEW' WHERE status = 'PLACED';

ALTER TABLE customer_order
    ADD COLUMN payment_method          VARCHAR(30),
    ADD COLUMN delivery_method         VARCHAR(30),
    ADD COLUMN recipient_name          VARCHAR(200),
    ADD COLUMN recipient_phone         VARCHAR(20),
    ADD COLUMN address_postal_code     VARCHAR(20),
    ADD COLUMN address_region          VARCHAR(200),
    ADD COLUMN address_city            VARCHAR(200),
    ADD COLUMN address_street          VARCHAR(300),
    ADD COLUMN address_house           VARCHAR(50),
    ADD COLUMN address_apartment       VARCHAR(50),
    ADD COLUMN address_comment         VARCHAR(500),
    ADD COLUMN pickup_point_id         VARCHAR(100),
    ADD COLUMN terminal_id             VARCHAR(100),
    ADD COLUMN delivery_date           DATE,
    ADD COLUMN window_from             TIME,
    ADD COLUMN window_to               TIME,
    ADD COLUMN packaging_notes         VARCHAR(1000),
    ADD COLUMN storefront_order_number VARCHAR(100),
    ADD COLUMN confirmed_at            TIMESTAMPTZ,
    ADD COLUMN confirmed_by            VARCHAR(100),
    ADD COLUMN paid_at                 TIMESTAMPTZ,
    ADD COLUMN overdue_published_at    TIMESTAMPTZ;

-- R3: a storefront's order number identifies its order (idempotent intake)
CREATE UNIQUE INDEX customer_order_storefront_number ON customer_order (channel, storefront_order_number)
    WHERE storefront_order_number IS NOT NULL;
-- R15: the unpaid-order scan reads only online orders not yet paid nor reported
CREATE INDEX customer_order_unpaid_online ON customer_order (placed_at)
    WHERE payment_method = 'ONLINE' AND paid_at IS NULL AND overdue_published_at IS NULL;

-- R6: every change of an order: who, when, what, from which status to which, why
CREATE TABLE order_history (
    id          BIGSERIAL PRIMARY KEY,
    order_id    UUID         NOT NULL REFERENCES customer_order (id),
    at          TIMESTAMPTZ  NOT NULL,
    actor       VARCHAR(100) NOT NULL,
    kind        VARCHAR(30)  NOT NULL,
    from_status VARCHAR(30),
    to_status   VARCHAR(30),
    reason      VARCHAR(1000),
    details     TEXT
);
CREATE INDEX order_history_order ON order_history (order_id, id);

-- R15: payments, online (provider callback) and cash on delivery (fulfilment events)
CREATE TABLE payment (
    id                  BIGSERIAL PRIMARY KEY,
    order_id            UUID         NOT NULL REFERENCES customer_order (id),
    method              VARCHAR(30)  NOT NULL,
    amount_kopecks      BIGINT       NOT NULL CHECK (amount_kopecks >= 0),
    currency            CHAR(3)      NOT NULL,
    paid_at             TIMESTAMPTZ  NOT NULL,
    recorded_at         TIMESTAMPTZ  NOT NULL,
    provider_payment_id VARCHAR(100) UNIQUE,
    shipment_id         VARCHAR(100) UNIQUE
);
CREATE INDEX payment_order ON payment (order_id);

-- customer-service's customers as order-service needs them (R3: matching storefront buyers)
CREATE TABLE customer_projection (
    customer_id UUID PRIMARY KEY,
    name        VARCHAR(300),
    phone       VARCHAR(20),
    email       VARCHAR(320),
    type        VARCHAR(50),
    provisional BOOLEAN     NOT NULL DEFAULT FALSE,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX customer_projection_phone ON customer_projection (phone);
CREATE INDEX customer_projection_email ON customer_projection (lower(email));
