-- Every message sent to a customer, with its channel and delivery status (R21).
CREATE TABLE message_log (
    id             UUID PRIMARY KEY,
    customer_id    UUID         NOT NULL,
    channel        VARCHAR(20)  NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    -- the id (ce_id) of the event that caused the message, if one did; as long as the inbox's event ids
    cause_event_id VARCHAR(100),
    created_at     TIMESTAMPTZ  NOT NULL,
    version        BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX message_log_customer ON message_log (customer_id, created_at);
