-- R1, R21: what a manager's catalogue attachments need of order-service's catalogue, projected from catalog-events
-- (ProductChanged.v1 carries the product's full state; a newer version replaces the row, an older one is ignored).
-- A price list (PDF) is made from the active variants; a product's certificate is fetched from its URL when sent.
CREATE TABLE catalogue_product (
    product_id   UUID PRIMARY KEY,
    version      BIGINT       NOT NULL,
    name         TEXT         NOT NULL,
    category     VARCHAR(100) NOT NULL,
    -- JSON array of storefront codes, e.g. ["LACTOMIN","WATTN"]
    storefronts  TEXT         NOT NULL,
    -- JSON array of {title, url, validUntil} in the event's order: a request names a certificate by its index
    certificates TEXT         NOT NULL,
    -- JSON array of {sku, name, priceKopecks, currency, stock, active}
    variants     TEXT         NOT NULL,
    changed_at   TIMESTAMPTZ,
    updated_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX catalogue_product_category ON catalogue_product (category);
