-- Issue 17, R11: a cancelled order gives its promo code use back: the redemption stays (what was applied, by whom)
-- and is marked released, and only unreleased redemptions count towards the code's limits.
ALTER TABLE promo_redemption
    ADD COLUMN released_at TIMESTAMPTZ,
    ADD COLUMN released_by VARCHAR(100);
DROP INDEX promo_redemption_code;
CREATE INDEX promo_redemption_code ON promo_redemption (code, customer_id) WHERE released_at IS NULL;

-- promo codes can be changed (PUT /promo-codes/{code} with If-Match): optimistic version, who changed it last
ALTER TABLE promo_code
    ADD COLUMN version    BIGINT       NOT NULL DEFAULT 0,
    ADD COLUMN changed_by VARCHAR(100),
    ADD COLUMN changed_at TIMESTAMPTZ;
