-- What an order-ready message (R13) and a payment reminder (R15) say, projected from order-events.
CREATE TABLE order_projection (
    order_id                 UUID PRIMARY KEY,
    customer_id              UUID         NOT NULL,
    payment_method           VARCHAR(30),
    delivery_method          VARCHAR(30),
    payable_kopecks          BIGINT,
    cash_on_delivery_kopecks BIGINT,
    paid                     BOOLEAN      NOT NULL DEFAULT FALSE,
    delivery_date            DATE,
    window_from              VARCHAR(10),
    window_to                VARCHAR(10),
    -- personal data (R24): blanked by CustomerErased
    delivery_address         TEXT,
    pickup_point_id          VARCHAR(100),
    terminal_id              VARCHAR(100),
    updated_at               TIMESTAMPTZ  NOT NULL
);
CREATE INDEX order_projection_customer ON order_projection (customer_id);
