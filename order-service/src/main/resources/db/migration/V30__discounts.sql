-- R9, R10: one discount per order (percent with up to 2 places); an approval by the head is void once lines change.
ALTER TABLE customer_order
    ADD COLUMN discount_percent            NUMERIC(5, 2) NOT NULL DEFAULT 0 CHECK (discount_percent >= 0 AND discount_percent <= 100),
    ADD COLUMN discount_reason             VARCHAR(1000),
    ADD COLUMN discount_approved_request_id UUID,
    ADD COLUMN discount_fallback_percent   NUMERIC(5, 2) NOT NULL DEFAULT 0 CHECK (discount_fallback_percent >= 0);

CREATE TABLE discount_request (
    id                  UUID          PRIMARY KEY,
    order_id            UUID          NOT NULL REFERENCES customer_order (id),
    customer_id         UUID          NOT NULL,
    requested_by        VARCHAR(100)  NOT NULL,
    requested_at        TIMESTAMPTZ   NOT NULL,
    percent             NUMERIC(5, 2) NOT NULL CHECK (percent > 0 AND percent <= 100),
    requested_kopecks   BIGINT        NOT NULL CHECK (requested_kopecks >= 0),
    items_total_kopecks BIGINT        NOT NULL CHECK (items_total_kopecks >= 0),
    reason              VARCHAR(1000) NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    decided_by          VARCHAR(100),
    decided_at          TIMESTAMPTZ,
    decision_reason     VARCHAR(1000),
    version             BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX discount_request_order ON discount_request (order_id, requested_at);
-- R10: at most one pending request per order (the latest replaces the earlier ones)
CREATE UNIQUE INDEX discount_request_one_pending ON discount_request (order_id) WHERE status = 'PENDING';
