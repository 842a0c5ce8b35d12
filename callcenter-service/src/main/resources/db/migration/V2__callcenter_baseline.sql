-- A call a manager has to make: a proactive call to a dormant (R14) or hanging (R15) customer,
-- or one assigned by management (R16). The call itself and its result are registered separately (R18).
CREATE TABLE call_task (
    id          UUID PRIMARY KEY,
    customer_id UUID         NOT NULL,
    kind        VARCHAR(40)  NOT NULL,
    assignee    VARCHAR(100),
    status      VARCHAR(20)  NOT NULL,
    due_at      TIMESTAMPTZ,
    created_at  TIMESTAMPTZ  NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0
);
-- a manager's work list (and their deputy's, R22)
CREATE INDEX call_task_assignee_status ON call_task (assignee, status);
CREATE INDEX call_task_customer ON call_task (customer_id);
