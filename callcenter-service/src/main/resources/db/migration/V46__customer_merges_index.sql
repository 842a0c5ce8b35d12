-- R24, R25: a replenishment call and its closing follow the customer through merges; the customers merged into one
-- are looked up by merged_into (few rows: the index holds only merged customers).
CREATE INDEX customer_projection_merged ON customer_projection (merged_into) WHERE merged_into IS NOT NULL;
