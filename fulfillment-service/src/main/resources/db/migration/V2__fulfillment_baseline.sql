-- A confirmed order passed to the warehouse and the delivery service (R12): one shipment per order.
CREATE TABLE shipment (
    id              UUID PRIMARY KEY,
    order_id        UUID        NOT NULL UNIQUE,
    status          VARCHAR(30) NOT NULL,
    delivery_method VARCHAR(30) NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    version         BIGINT      NOT NULL DEFAULT 0
);
