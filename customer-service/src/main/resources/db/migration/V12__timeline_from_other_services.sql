-- R6: the customer's timeline also holds the other services' events (calls, tasks, complaints, messages,
-- shipments, order status changes).

-- Which customer an order belongs to, from OrderPlaced (and OrderConfirmed/Paid/..., ShipmentCreated), so that a
-- shipment event naming only its order finds its customer. A row with customer_id NULL is a placeholder a
-- shipment event inserted before the order was known: it is the row both sides lock, so that a shipment event
-- and the OrderPlaced of its order, consumed at once on two channels, cannot both miss each other.
CREATE TABLE order_customer (
    order_id    UUID PRIMARY KEY,
    customer_id UUID
);

-- Shipment events whose order is not known yet (topics arrive in any order): parked here and moved to
-- customer_timeline in the transaction that learns the order's customer.
CREATE TABLE timeline_pending (
    id          BIGSERIAL PRIMARY KEY,
    order_id    UUID         NOT NULL,
    occurred_at TIMESTAMPTZ  NOT NULL,
    kind        VARCHAR(40)  NOT NULL,
    summary     TEXT         NOT NULL, -- JSON, as customer_timeline.summary: ids, amounts, statuses, no personal data
    parked_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX timeline_pending_order ON timeline_pending (order_id);

-- Issue 4: the storefronts where the customer has bought (from OrderPlaced.channel, PHONE orders excluded).
CREATE TABLE customer_storefront (
    customer_id    UUID        NOT NULL,
    storefront     VARCHAR(20) NOT NULL,
    first_order_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (customer_id, storefront)
);
