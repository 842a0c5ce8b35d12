-- R25: a replenishment call before a customer's supply of a product runs out (ReplenishmentDue from order-service).
-- The task carries what the manager needs on the phone: the product family (a reorder of any variant closes the task),
-- the SKU and name bought, and the expected run-out day; reorder_id is the order that closed it (REORDERED).
ALTER TABLE call_task
    ADD COLUMN family_id    UUID,
    ADD COLUMN sku          VARCHAR(100),
    ADD COLUMN product_name VARCHAR(300),
    ADD COLUMN run_out_on   DATE,
    ADD COLUMN reorder_id   UUID;
-- OrderPlaced looks up the customer's open replenishment tasks by the families ordered
CREATE INDEX call_task_open_replenishment ON call_task (customer_id, family_id)
    WHERE kind = 'REPLENISHMENT' AND status = 'OPEN';
-- R23, R25: the KPI report finds replenishment tasks by creation time and their customers' orders by time
CREATE INDEX call_task_replenishment_created ON call_task (created_at) WHERE kind = 'REPLENISHMENT';
CREATE INDEX order_projection_customer_placed ON order_projection (customer_id, placed_at);

-- R24, R25: an erased customer gets no new proactive call
ALTER TABLE customer_projection ADD COLUMN erased_at TIMESTAMPTZ;
