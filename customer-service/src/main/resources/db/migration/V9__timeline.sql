-- R6: everything that happened with a customer, newest first, kept ready from the events this
-- service consumes (orders) and publishes (customer changes).
CREATE TABLE customer_timeline (
    id          BIGSERIAL PRIMARY KEY,
    customer_id UUID         NOT NULL,
    occurred_at TIMESTAMPTZ  NOT NULL,
    kind        VARCHAR(40)  NOT NULL,
    summary     TEXT         NOT NULL -- JSON: ids, amounts, channels; never more personal data than the event had
);
CREATE INDEX customer_timeline_customer ON customer_timeline (customer_id, occurred_at DESC, id DESC);
