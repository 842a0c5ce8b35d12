-- Identity: a customer merged into another keeps its row so that its id keeps resolving.
ALTER TABLE customer ADD COLUMN merged_into UUID REFERENCES customer (id);
ALTER TABLE customer ADD COLUMN merged_at TIMESTAMPTZ;
CREATE INDEX customer_merged_into ON customer (merged_into) WHERE merged_into IS NOT NULL;
-- a merged customer is never dormant again: the survivor carries the activity
DROP INDEX customer_active_not_dormant;
CREATE INDEX customer_active_not_dormant ON customer (active_at) WHERE dormant_since IS NULL AND merged_into IS NULL;
