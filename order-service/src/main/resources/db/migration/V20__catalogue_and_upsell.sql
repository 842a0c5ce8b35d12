-- Catalogue (R1, R2): a product family (what a manager talks about) with variants; a `product` row
-- stays the sellable unit (a variant with its SKU), so orders keep pricing lines from it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE product_family (
    id             UUID PRIMARY KEY,
    name           VARCHAR(300)  NOT NULL,
    purpose        VARCHAR(2000) NOT NULL DEFAULT '',
    usage_rules    VARCHAR(4000) NOT NULL DEFAULT '',
    category       VARCHAR(40)   NOT NULL,
    storefronts    TEXT[]        NOT NULL,
    certificates   JSONB         NOT NULL DEFAULT '[]',
    new_from       TIMESTAMPTZ,
    new_until      TIMESTAMPTZ,
    featured_from  TIMESTAMPTZ,
    featured_until TIMESTAMPTZ,
    updated_at     TIMESTAMPTZ   NOT NULL,
    version        BIGINT        NOT NULL DEFAULT 0,
    CHECK (new_until IS NULL OR new_from IS NULL OR new_from < new_until),
    CHECK (featured_until IS NULL OR featured_from IS NULL OR featured_from < featured_until)
);
-- text search by name and purpose (ILIKE '%...%' uses the trigram indexes)
CREATE INDEX product_family_name_trgm ON product_family USING gin (name gin_trgm_ops);
CREATE INDEX product_family_purpose_trgm ON product_family USING gin (purpose gin_trgm_ops);
CREATE INDEX product_family_category ON product_family (category);
CREATE INDEX product_family_storefronts ON product_family USING gin (storefronts);
CREATE INDEX product_family_new ON product_family (new_from, new_until) WHERE new_from IS NOT NULL;
CREATE INDEX product_family_featured ON product_family (featured_from, featured_until) WHERE featured_from IS NOT NULL;

ALTER TABLE product
    ADD COLUMN family_id UUID REFERENCES product_family (id),
    ADD COLUMN flavour   VARCHAR(100),
    ADD COLUMN size      VARCHAR(100),
    ADD COLUMN stock     INTEGER NOT NULL DEFAULT 0 CHECK (stock >= 0);
-- the first-flow SKUs stay on sale and available
UPDATE product SET stock = 100;
CREATE INDEX product_family_id ON product (family_id);
CREATE INDEX product_name_trgm ON product USING gin (name gin_trgm_ops);

-- Cross-sell map (R8): "with product X offer Y" and "to customer type T offer Z"
CREATE TABLE cross_sell_rule (
    id            UUID PRIMARY KEY,
    kind          VARCHAR(30)  NOT NULL CHECK (kind IN ('WITH_PRODUCT', 'FOR_CUSTOMER_TYPE')),
    trigger_sku   VARCHAR(64) REFERENCES product (sku),
    customer_type VARCHAR(40),
    offer_sku     VARCHAR(64)  NOT NULL REFERENCES product (sku),
    priority      INTEGER      NOT NULL,
    valid_from    TIMESTAMPTZ,
    valid_until   TIMESTAMPTZ,
    note          VARCHAR(500),
    updated_by    VARCHAR(100) NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0,
    CHECK ((kind = 'WITH_PRODUCT' AND trigger_sku IS NOT NULL AND customer_type IS NULL)
        OR (kind = 'FOR_CUSTOMER_TYPE' AND customer_type IS NOT NULL AND trigger_sku IS NULL)),
    CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_from < valid_until)
);
CREATE INDEX cross_sell_rule_trigger ON cross_sell_rule (trigger_sku) WHERE kind = 'WITH_PRODUCT';
CREATE INDEX cross_sell_rule_type ON cross_sell_rule (customer_type) WHERE kind = 'FOR_CUSTOMER_TYPE';

-- Learned from order history (R7, fourth source): pairs bought together, both directions
CREATE TABLE bought_together (
    sku         VARCHAR(64)      NOT NULL,
    other_sku   VARCHAR(64)      NOT NULL,
    pair_orders INTEGER          NOT NULL,
    support     DOUBLE PRECISION NOT NULL,
    confidence  DOUBLE PRECISION NOT NULL,
    lift        DOUBLE PRECISION NOT NULL,
    computed_at TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (sku, other_sku)
);
-- order history by SKU for the refresh's self-join
CREATE INDEX order_line_sku_order ON order_line (sku, order_id);

-- Offers made while taking an order, with the customer's answer (R7)
CREATE TABLE upsell_offer (
    id            UUID PRIMARY KEY,
    order_id      UUID        NOT NULL REFERENCES customer_order (id),
    sku           VARCHAR(64) NOT NULL,
    answer        VARCHAR(20) NOT NULL CHECK (answer IN ('ACCEPTED', 'DECLINED')),
    quantity      INTEGER     NOT NULL CHECK (quantity > 0),
    reason        VARCHAR(100),
    recorded_by   VARCHAR(100) NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (order_id, sku)
);
