CREATE TABLE customer (
    id               UUID PRIMARY KEY,
    name             VARCHAR(200) NOT NULL,
    phone            VARCHAR(20),
    email            VARCHAR(254),
    type             VARCHAR(40)  NOT NULL,
    owner_manager_id VARCHAR(100),
    created_at       TIMESTAMPTZ  NOT NULL,
    last_order_at    TIMESTAMPTZ,
    order_count      INTEGER      NOT NULL DEFAULT 0,
    version          BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX customer_phone ON customer (phone);
CREATE INDEX customer_email ON customer (lower(email));
