-- R14: activity from order-events and dormancy episodes.
ALTER TABLE customer ADD COLUMN lifetime_value_kopecks BIGINT NOT NULL DEFAULT 0;
-- set while the customer is dormant; cleared by the next order (CustomerReactivated)
ALTER TABLE customer ADD COLUMN dormant_since TIMESTAMPTZ;
-- how many times the customer turned dormant: the episode number of CustomerDormant
ALTER TABLE customer ADD COLUMN dormancy_episode INTEGER NOT NULL DEFAULT 0;
-- the moment dormancy is measured from: the last order, or the registration for a customer who never ordered
ALTER TABLE customer ADD COLUMN active_at TIMESTAMPTZ;
UPDATE customer SET active_at = COALESCE(last_order_at, created_at);
ALTER TABLE customer ALTER COLUMN active_at SET NOT NULL;
-- the scan reads only active customers, oldest activity first: a partial index keeps it set-based and cheap
CREATE INDEX customer_active_not_dormant ON customer (active_at) WHERE dormant_since IS NULL;
