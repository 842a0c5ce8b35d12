-- What the customer projection needs for campaign selectors (R16): type (CustomerRegistered), dormancy
-- (CustomerDormant / CustomerReactivated), the last order's time and storefront (OrderPlaced).
ALTER TABLE customer_projection
    ADD COLUMN customer_type   VARCHAR(60),
    ADD COLUMN dormant         BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN last_order_at   TIMESTAMPTZ,
    ADD COLUMN last_storefront VARCHAR(40);

-- R16: calls assigned by management: a frozen list of customers, a purpose, a script, a deadline, assignees.
CREATE TABLE campaign (
    id             UUID PRIMARY KEY,
    name           VARCHAR(300)  NOT NULL,
    purpose        VARCHAR(2000) NOT NULL,
    script_code    VARCHAR(60)   NOT NULL,
    script_version INT           NOT NULL,
    deadline       TIMESTAMPTZ   NOT NULL,
    assignees      TEXT          NOT NULL,
    selector       TEXT,
    created_by     VARCHAR(100)  NOT NULL,
    created_at     TIMESTAMPTZ   NOT NULL
);
CREATE INDEX campaign_created_by ON campaign (created_by);

-- The frozen list: one row per customer, with the manager it went to and the task made for it.
CREATE TABLE campaign_customer (
    campaign_id UUID         NOT NULL REFERENCES campaign (id),
    customer_id UUID         NOT NULL,
    assignee    VARCHAR(100) NOT NULL,
    task_id     UUID         NOT NULL REFERENCES call_task (id),
    PRIMARY KEY (campaign_id, customer_id)
);
