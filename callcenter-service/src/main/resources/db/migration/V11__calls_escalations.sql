-- R18: every inbound and outbound call, entered by the manager or posted by the telephony (PBX).
CREATE TABLE phone_call (
    id               UUID PRIMARY KEY,
    pbx_call_id      VARCHAR(200) UNIQUE,
    direction        VARCHAR(10)  NOT NULL,
    phone            VARCHAR(40),
    customer_id      UUID,
    manager_id       VARCHAR(100),
    status           VARCHAR(20)  NOT NULL,
    started_at       TIMESTAMPTZ  NOT NULL,
    answered_at      TIMESTAMPTZ,
    ended_at         TIMESTAMPTZ,
    duration_seconds BIGINT,
    purpose          VARCHAR(20),
    outcome          VARCHAR(40),
    order_id         UUID,
    task_id          UUID,
    notes            VARCHAR(4000),
    source           VARCHAR(20)  NOT NULL,
    registered_by    VARCHAR(100),
    created_at       TIMESTAMPTZ  NOT NULL,
    version          BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX phone_call_manager ON phone_call (manager_id, started_at);
CREATE INDEX phone_call_customer ON phone_call (customer_id, started_at);
CREATE INDEX phone_call_started ON phone_call (started_at);

-- the telephony webhook's deliveries: one row per (PBX call, state), so a replay changes nothing
CREATE TABLE telephony_event (
    pbx_call_id VARCHAR(200) NOT NULL,
    state       VARCHAR(20)  NOT NULL,
    at          TIMESTAMPTZ  NOT NULL,
    received_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (pbx_call_id, state)
);

-- every phone of a customer (CustomerRegistered, CustomerContactsChanged): calls are matched by phone
CREATE TABLE customer_phone (
    customer_id UUID        NOT NULL,
    phone       VARCHAR(40) NOT NULL,
    PRIMARY KEY (customer_id, phone)
);
CREATE INDEX customer_phone_phone ON customer_phone (phone);
ALTER TABLE customer_projection ADD COLUMN contacts_version BIGINT;

-- R19: a case transferred to the head, and its resolution
CREATE TABLE escalation (
    id           UUID PRIMARY KEY,
    call_id      UUID         NOT NULL REFERENCES phone_call (id),
    customer_id  UUID,
    manager_id   VARCHAR(100) NOT NULL,
    head_id      VARCHAR(100) NOT NULL,
    reason       VARCHAR(2000) NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    task_id      UUID,
    resolution   VARCHAR(4000),
    resolved_by  VARCHAR(100),
    resolved_at  TIMESTAMPTZ,
    created_at   TIMESTAMPTZ  NOT NULL,
    version      BIGINT       NOT NULL DEFAULT 0
);
-- one open escalation per call
CREATE UNIQUE INDEX escalation_open_per_call ON escalation (call_id) WHERE status = 'OPEN';
CREATE INDEX escalation_status ON escalation (status, created_at);

-- what a task carries beyond the customer: the phone to call back (CALLBACK), the call or escalation behind it,
-- the discount asked for (DISCOUNT_APPROVAL, R10)
ALTER TABLE call_task
    ADD COLUMN phone            VARCHAR(40),
    ADD COLUMN call_id          UUID,
    ADD COLUMN escalation_id    UUID,
    ADD COLUMN discount_percent NUMERIC(5, 2);
