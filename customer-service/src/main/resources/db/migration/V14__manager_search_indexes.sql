-- Issue 17: a manager's name search (R24: own customers, those of a colleague they deputise for, R22, and
-- unowned ones) read every hit of a common surname to keep the 1 in 50 that are theirs (~44,000 heap rows
-- for "иванов" on a million customers, 200-470 ms). CustomerSearch now asks for the owner branch and the
-- unowned branch separately, each served by its own index:
--  * owner branch: one GIN index over (owner_manager_id, lower(name) trigrams) (btree_gin gives GIN the
--    equality on the owner), so the scan intersects the owner's posting list with the name's trigrams and
--    reads only the owner's hits. It serves the head's search (no owner condition) as well as the old
--    single-column index did, so that one is dropped: one name index less to maintain on every write.
--  * unowned branch: a partial trigram index over the customers nobody owns (GIN cannot look up IS NULL).
-- Like V6, only where the server has the extensions; without them the search works, only slower.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'btree_gin') THEN
            CREATE EXTENSION IF NOT EXISTS btree_gin;
            CREATE INDEX customer_owner_name_trgm ON customer USING gin (owner_manager_id, lower(name) gin_trgm_ops);
            DROP INDEX IF EXISTS customer_name_trgm;
        ELSE
            RAISE NOTICE 'btree_gin is not available: a manager''s name search reads every hit of the name';
        END IF;
        CREATE INDEX customer_unowned_name_trgm ON customer USING gin (lower(name) gin_trgm_ops)
            WHERE owner_manager_id IS NULL;
    END IF;
END
$$;
