-- Issue 17, R11: two new ledger kinds and the expiry scan's marks.
--   REVOKED: the points a paid order earned, taken back when its shipment came back (ShipmentReturned); points is
--            what was taken back (0 when the balance was already 0), shortfall_points what could not be (spent).
--   EXPIRED: the unspent remainder of an earning, debited expire-after after it was earned; order_id is the order
--            that earned it, so UNIQUE (order_id, kind) makes it once per earning.
-- The spent points a returned order gives back are a RETURNED entry, as for a cancellation: once per order either way.
ALTER TABLE bonus_entry DROP CONSTRAINT bonus_entry_kind_check;
ALTER TABLE bonus_entry ADD CONSTRAINT bonus_entry_kind_check
    CHECK (kind IN ('EARNED', 'SPENT', 'RETURNED', 'REVOKED', 'EXPIRED'));
ALTER TABLE bonus_entry DROP CONSTRAINT bonus_entry_points_check;
ALTER TABLE bonus_entry ADD CONSTRAINT bonus_entry_points_check
    CHECK (points > 0 OR (kind = 'REVOKED' AND points = 0));

ALTER TABLE bonus_entry
    ADD COLUMN shortfall_points  BIGINT      CHECK (shortfall_points >= 0),
    -- on EARNED entries: when BonusPointsExpiring was published (or found nothing left to warn about)
    ADD COLUMN expiry_warned_at  TIMESTAMPTZ,
    -- on EARNED entries: when the expiry scan settled the earning (EXPIRED written, or nothing was left)
    ADD COLUMN expiry_settled_at TIMESTAMPTZ;

-- the expiry scan looks for earnings not yet settled, oldest first
CREATE INDEX bonus_entry_unsettled_earning ON bonus_entry (at) WHERE kind = 'EARNED' AND expiry_settled_at IS NULL;
