-- R24: OutboxPruner deletes rows sent more than parus.outbox.keep-sent ago (their payloads carry personal data, and
-- the table would otherwise grow forever). It looks them up oldest first by sent_at; with nothing to delete a run is
-- one probe of this index. Unsent rows are not in it (outbox_unsent serves the relay).
-- IF NOT EXISTS: on a large outbox an operator may build it beforehand with CREATE INDEX CONCURRENTLY (same name and
-- definition, docs/operations.md), so that this migration does not hold writes to the outbox while it builds.
CREATE INDEX IF NOT EXISTS outbox_sent_at ON outbox (sent_at) WHERE sent_at IS NOT NULL;
