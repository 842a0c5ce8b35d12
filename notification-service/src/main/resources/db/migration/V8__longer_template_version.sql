-- R25, R11: the reminder kinds have longer names (REPLENISHMENT_REMINDER/default@<12 hex> is 43 characters), so the
-- template version a message records needs more than 40; widening a VARCHAR rewrites nothing in PostgreSQL.
ALTER TABLE message_log ALTER COLUMN template_version TYPE VARCHAR(80);
