-- R21: the delivery log becomes the send pipeline's state: one row per (cause, customer), made once.
ALTER TABLE message_log ALTER COLUMN channel DROP NOT NULL;
ALTER TABLE message_log ALTER COLUMN customer_id DROP NOT NULL;
ALTER TABLE message_log
    ADD COLUMN kind                VARCHAR(40),
    -- what caused the message, e.g. ORDER_READY:shipment:<id>; a redelivered event or a restart makes no second row
    ADD COLUMN cause               VARCHAR(200),
    ADD COLUMN order_id            UUID,
    ADD COLUMN requested_channel   VARCHAR(20),
    ADD COLUMN requested_by        VARCHAR(100),
    -- template parameters (JSON), the rendered text and the address: personal data, blanked by CustomerErased (R24)
    ADD COLUMN params              TEXT,
    ADD COLUMN address             TEXT,
    ADD COLUMN subject             TEXT,
    ADD COLUMN body                TEXT,
    ADD COLUMN template_version    VARCHAR(40),
    ADD COLUMN not_before          TIMESTAMPTZ,
    ADD COLUMN attempts            INT          NOT NULL DEFAULT 0,
    ADD COLUMN reason              VARCHAR(60),
    ADD COLUMN last_error          TEXT,
    ADD COLUMN provider_message_id VARCHAR(200),
    ADD COLUMN sending_since       TIMESTAMPTZ,
    ADD COLUMN sent_at             TIMESTAMPTZ,
    ADD COLUMN delivered_at        TIMESTAMPTZ,
    ADD COLUMN finished_at         TIMESTAMPTZ,
    ADD COLUMN updated_at          TIMESTAMPTZ;
CREATE UNIQUE INDEX message_log_cause ON message_log (cause);
-- the dispatcher's claim: due queued rows
CREATE INDEX message_log_due ON message_log (not_before) WHERE status = 'QUEUED';
CREATE INDEX message_log_sending ON message_log (sending_since) WHERE status = 'SENDING';
CREATE INDEX message_log_order ON message_log (order_id) WHERE order_id IS NOT NULL;
CREATE INDEX message_log_provider_id ON message_log (provider_message_id) WHERE provider_message_id IS NOT NULL;

CREATE TABLE message_attachment (
    id           UUID PRIMARY KEY,
    message_id   UUID         NOT NULL REFERENCES message_log (id) ON DELETE CASCADE,
    position     INT          NOT NULL,
    file_name    VARCHAR(255) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    content      BYTEA        NOT NULL
);
CREATE INDEX message_attachment_message ON message_attachment (message_id, position);

-- every status a message went through, with the attempt and the provider's word (R21: logged with its delivery status)
CREATE TABLE message_status_history (
    id         BIGSERIAL PRIMARY KEY,
    message_id UUID         NOT NULL REFERENCES message_log (id) ON DELETE CASCADE,
    status     VARCHAR(20)  NOT NULL,
    attempt    INT          NOT NULL,
    detail     TEXT,
    at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX message_status_history_message ON message_status_history (message_id, id);
