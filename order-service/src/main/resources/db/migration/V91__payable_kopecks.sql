-- Issue 18: what the customer pays (R9, R10, R11) has one definition, Order.payableKopecks() in Java. The entity
-- stores it in payable_kopecks whenever the order is inserted or updated (@PrePersist/@PreUpdate), and SQL that
-- needs the amount (the R15 unpaid-order scan, PaymentOverdueRepository) reads the column instead of repeating the
-- formula.
--
-- The backfill below is history, not a second definition: it fills the rows that exist when this migration runs,
-- once, with the formula as PaymentOverdueRepository's SQL had it until now (the items total minus the larger of the
-- manager's discount, percent half-up and at most the total, and the promo code's, percent half-up or the fixed
-- amount up to the total; minus bonus points; never below 0). It is never run again and is not kept in step with
-- Order; from here on only the entity writes the column.
ALTER TABLE customer_order ADD COLUMN payable_kopecks BIGINT;

UPDATE customer_order SET payable_kopecks = GREATEST(0, total_kopecks - GREATEST(
        LEAST(CAST(ROUND(total_kopecks * discount_percent / 100) AS bigint), total_kopecks),
        CASE WHEN promo_percent IS NOT NULL
             THEN LEAST(CAST(ROUND(total_kopecks * promo_percent / 100) AS bigint), total_kopecks)
             WHEN promo_amount_kopecks IS NOT NULL THEN LEAST(promo_amount_kopecks, total_kopecks)
             ELSE 0 END)
    - bonus_points);

ALTER TABLE customer_order
    ALTER COLUMN payable_kopecks SET NOT NULL,
    ADD CONSTRAINT customer_order_payable_not_negative CHECK (payable_kopecks >= 0);
