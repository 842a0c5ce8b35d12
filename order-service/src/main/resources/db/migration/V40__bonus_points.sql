-- R11: bonus points per customer (1 point = 1 kopeck). The balance is kept on the account row, which is locked
-- (SELECT ... FOR UPDATE) whenever it changes; the ledger records every change with the order it belongs to.
CREATE TABLE bonus_account (
    customer_id     UUID        PRIMARY KEY,
    balance_points  BIGINT      NOT NULL DEFAULT 0 CHECK (balance_points >= 0)
);

CREATE TABLE bonus_entry (
    id          BIGSERIAL    PRIMARY KEY,
    customer_id UUID         NOT NULL REFERENCES bonus_account (customer_id),
    order_id    UUID         NOT NULL REFERENCES customer_order (id),
    kind        VARCHAR(10)  NOT NULL CHECK (kind IN ('EARNED', 'SPENT', 'RETURNED')),
    points      BIGINT       NOT NULL CHECK (points > 0),
    at          TIMESTAMPTZ  NOT NULL,
    -- each kind happens at most once per order: earned once when paid, debited once at confirmation,
    -- returned once at cancellation
    UNIQUE (order_id, kind)
);
CREATE INDEX bonus_entry_customer ON bonus_entry (customer_id, id);

-- the points the order spends (requested while NEW, debited at confirmation)
ALTER TABLE customer_order
    ADD COLUMN bonus_points BIGINT NOT NULL DEFAULT 0 CHECK (bonus_points >= 0);
