-- The task queue driven by events (R13, R14, R15): each task once per cause, whatever the deliveries.
ALTER TABLE call_task ALTER COLUMN customer_id DROP NOT NULL;
ALTER TABLE call_task
    ADD COLUMN cause        VARCHAR(200),
    ADD COLUMN order_id     UUID,
    ADD COLUMN priority     SMALLINT    NOT NULL DEFAULT 2,
    ADD COLUMN script       VARCHAR(60),
    ADD COLUMN outcome      VARCHAR(40),
    ADD COLUMN note         VARCHAR(2000),
    ADD COLUMN completed_by VARCHAR(100),
    ADD COLUMN completed_at TIMESTAMPTZ,
    ADD COLUMN closed_reason VARCHAR(100),
    ADD COLUMN closed_at    TIMESTAMPTZ;
-- one task per (kind, cause): a redelivered event, or the same fact under a new event id, makes no second task
ALTER TABLE call_task ADD CONSTRAINT call_task_kind_cause UNIQUE (kind, cause);
CREATE INDEX call_task_queue ON call_task (status, priority, due_at);
CREATE INDEX call_task_order ON call_task (order_id);

-- Projection of customer-events: who the customer is and who owns them (tolerant reader).
CREATE TABLE customer_projection (
    customer_id      UUID PRIMARY KEY,
    name             VARCHAR(300),
    phone            VARCHAR(40),
    owner_manager_id VARCHAR(100),
    merged_into      UUID,
    updated_at       TIMESTAMPTZ NOT NULL
);

-- Projection of order-events: the customer of an order, for fulfilment events that carry only the order (R13).
CREATE TABLE order_projection (
    order_id    UUID PRIMARY KEY,
    customer_id UUID NOT NULL,
    manager_id  VARCHAR(100)
);
