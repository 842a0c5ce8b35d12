-- R20: customers' complaints and wishes, routed to the responsible person by category and tracked until answered.
CREATE TABLE feedback (
    id          UUID PRIMARY KEY,
    customer_id UUID          NOT NULL,
    kind        VARCHAR(20)   NOT NULL,
    category    VARCHAR(60)   NOT NULL,
    text        VARCHAR(4000) NOT NULL,
    call_id     UUID,
    order_id    UUID,
    responsible VARCHAR(100)  NOT NULL,
    status      VARCHAR(20)   NOT NULL,
    deadline    TIMESTAMPTZ   NOT NULL,
    created_by  VARCHAR(100)  NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL,
    answer      VARCHAR(4000),
    justified   BOOLEAN,
    answered_by VARCHAR(100),
    answered_at TIMESTAMPTZ,
    version     BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX feedback_responsible_status ON feedback (responsible, status, deadline);
