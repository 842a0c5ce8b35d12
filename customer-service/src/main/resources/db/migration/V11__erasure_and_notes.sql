-- R24: erasure on the customer's request. The row stays (ids, activity and money figures are kept for
-- the orders' sake); the personal data are overwritten and erased_at marks it.
ALTER TABLE customer ADD COLUMN erased_at TIMESTAMPTZ;
ALTER TABLE customer ADD COLUMN erased_by VARCHAR(100);
ALTER TABLE customer ADD COLUMN erasure_reference VARCHAR(100);

-- R6: a manager's free-text notes on a customer; they appear in the timeline. Erasure blanks them.
CREATE TABLE customer_note (
    id          BIGSERIAL PRIMARY KEY,
    customer_id UUID         NOT NULL REFERENCES customer (id),
    text        VARCHAR(4000) NOT NULL,
    written_by  VARCHAR(100) NOT NULL,
    written_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX customer_note_customer ON customer_note (customer_id, written_at DESC);

-- A customer is a PERSON or a COMPANY; a company has its legal name, INN (10 digits) and KPP (9).
ALTER TABLE customer ADD COLUMN kind VARCHAR(10) NOT NULL DEFAULT 'PERSON';
ALTER TABLE customer ADD COLUMN legal_name VARCHAR(300);
ALTER TABLE customer ADD COLUMN inn VARCHAR(12);
ALTER TABLE customer ADD COLUMN kpp VARCHAR(9);

-- free labels set by managers ("VIP", "опт-2025"), a set per customer
CREATE TABLE customer_tag (
    customer_id UUID        NOT NULL REFERENCES customer (id),
    tag         VARCHAR(50) NOT NULL,
    PRIMARY KEY (customer_id, tag)
);
