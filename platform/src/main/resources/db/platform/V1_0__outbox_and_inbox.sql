-- Platform tables, the same in every service's database (ARCHITECTURE.md, "Reliability rules").
-- Services' own migrations start at V2 so that platform migrations (V1_x) always run first.

-- Transactional outbox: written in the business transaction, published by OutboxRelay.
CREATE TABLE outbox (
    seq            BIGSERIAL PRIMARY KEY,
    event_id       UUID         NOT NULL UNIQUE,
    topic          VARCHAR(200) NOT NULL,
    aggregate_type VARCHAR(100) NOT NULL,
    aggregate_id   VARCHAR(200) NOT NULL,
    event_type     VARCHAR(200) NOT NULL,
    payload        TEXT         NOT NULL,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    sent_at        TIMESTAMPTZ
);
CREATE INDEX outbox_unsent ON outbox (seq) WHERE sent_at IS NULL;

-- Inbox: the events a consumer has already applied, recorded in the same transaction as the effect.
CREATE TABLE inbox (
    consumer    VARCHAR(100) NOT NULL,
    event_id    VARCHAR(100) NOT NULL,
    event_type  VARCHAR(200) NOT NULL,
    received_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
