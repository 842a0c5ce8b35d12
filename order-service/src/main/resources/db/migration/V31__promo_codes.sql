-- R11: promo codes decided by management; one promo code per order, combined with the manager's discount
-- by "the larger of the two" (never summed).
CREATE TABLE promo_code (
    code               VARCHAR(40)   PRIMARY KEY,
    kind               VARCHAR(10)   NOT NULL CHECK (kind IN ('PERCENT', 'FIXED')),
    percent            NUMERIC(5, 2) CHECK (percent > 0 AND percent <= 100),
    amount_kopecks     BIGINT        CHECK (amount_kopecks > 0),
    valid_from         TIMESTAMPTZ   NOT NULL,
    valid_to           TIMESTAMPTZ   NOT NULL,
    min_total_kopecks  BIGINT        NOT NULL DEFAULT 0 CHECK (min_total_kopecks >= 0),
    per_customer_limit INTEGER       NOT NULL CHECK (per_customer_limit > 0),
    total_limit        INTEGER       NOT NULL CHECK (total_limit > 0),
    channel            VARCHAR(20),
    created_by         VARCHAR(100)  NOT NULL,
    created_at         TIMESTAMPTZ   NOT NULL,
    CHECK ((kind = 'PERCENT' AND percent IS NOT NULL AND amount_kopecks IS NULL)
        OR (kind = 'FIXED' AND amount_kopecks IS NOT NULL AND percent IS NULL)),
    CHECK (valid_to > valid_from)
);

CREATE TABLE promo_redemption (
    order_id    UUID         PRIMARY KEY REFERENCES customer_order (id),
    code        VARCHAR(40)  NOT NULL REFERENCES promo_code (code),
    customer_id UUID         NOT NULL,
    applied_by  VARCHAR(100) NOT NULL,
    applied_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX promo_redemption_code ON promo_redemption (code, customer_id);

ALTER TABLE customer_order
    ADD COLUMN promo_code            VARCHAR(40),
    ADD COLUMN promo_percent         NUMERIC(5, 2),
    ADD COLUMN promo_amount_kopecks  BIGINT;
