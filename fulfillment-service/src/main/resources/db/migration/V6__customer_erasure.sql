-- R24: a customer erased on request (CustomerErased). Their shipments stay (ids, statuses, money, lines, dates) but lose
-- the recipient, the address, the packaging notes and the free-text reasons; this marks when, so that the shipping
-- document and a hand-over can say why the shipment has no address.
ALTER TABLE shipment ADD COLUMN personal_data_erased_at TIMESTAMPTZ;
-- The customers erased so far: an order of theirs whose OrderConfirmed arrives after the erasure is kept blank too.
CREATE TABLE erased_customer (
    customer_id UUID        PRIMARY KEY,
    erased_at   TIMESTAMPTZ NOT NULL
);
