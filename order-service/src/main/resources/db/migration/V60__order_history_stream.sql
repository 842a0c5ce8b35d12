-- Issue 14: GET /orders/{id}/stream follows the order's status changes in order_history. Each new row records the
-- writing transaction; the stream reads rows in (tx, id) order and only those of finished transactions, so a row
-- committed late is not skipped by a reader that has passed its id (Last-Event-ID = the row's id). Rows written
-- before this migration have no tx (read as 0: long finished). No default on ADD COLUMN: no table rewrite.
ALTER TABLE order_history ADD COLUMN tx BIGINT;
ALTER TABLE order_history ALTER COLUMN tx SET DEFAULT pg_current_xact_id()::text::bigint;
