-- A minimal catalogue for the first flow; the full catalogue (R1, R2) extends this table.
CREATE TABLE product (
    sku           VARCHAR(64) PRIMARY KEY,
    name          VARCHAR(300) NOT NULL,
    price_kopecks BIGINT       NOT NULL CHECK (price_kopecks >= 0),
    active        BOOLEAN      NOT NULL DEFAULT TRUE
);

CREATE TABLE customer_order (
    id              UUID PRIMARY KEY,
    customer_id     UUID         NOT NULL,
    channel         VARCHAR(20)  NOT NULL,
    status          VARCHAR(30)  NOT NULL,
    manager_id      VARCHAR(100),
    placed_at       TIMESTAMPTZ  NOT NULL,
    currency        CHAR(3)      NOT NULL,
    total_kopecks   BIGINT       NOT NULL CHECK (total_kopecks >= 0),
    idempotency_key VARCHAR(100) UNIQUE,
    request_hash    VARCHAR(64),
    version         BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX customer_order_customer ON customer_order (customer_id, placed_at DESC);

CREATE TABLE order_line (
    id                 BIGSERIAL PRIMARY KEY,
    order_id           UUID         NOT NULL REFERENCES customer_order (id),
    line_no            INTEGER      NOT NULL,
    sku                VARCHAR(64)  NOT NULL,
    name               VARCHAR(300) NOT NULL,
    quantity           INTEGER      NOT NULL CHECK (quantity > 0),
    unit_price_kopecks BIGINT       NOT NULL,
    line_total_kopecks BIGINT       NOT NULL,
    UNIQUE (order_id, line_no)
);
