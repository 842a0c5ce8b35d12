-- Search during a call (issue 4): any part of a phone, a name or an e-mail. Trigram GIN indexes make
-- LIKE '%...%' an index scan; where the server lacks pg_trgm the search still works, only slower.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE INDEX customer_name_trgm ON customer USING gin (lower(name) gin_trgm_ops);
        CREATE INDEX customer_contact_value_trgm ON customer_contact USING gin (value gin_trgm_ops);
    ELSE
        RAISE NOTICE 'pg_trgm is not available: customer search runs without trigram indexes';
    END IF;
END
$$;
