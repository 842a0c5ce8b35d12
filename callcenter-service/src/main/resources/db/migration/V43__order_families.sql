-- R25: the product families each order contained (OrderPlaced lines' optional familyId). A replenishment task
-- converted when the customer ordered its family again within the window (KPIs); and a ReplenishmentDue read after
-- the reorder that makes it moot (events of different orders are not ordered) makes no task.
CREATE TABLE order_family (
    order_id  UUID NOT NULL,
    family_id UUID NOT NULL,
    PRIMARY KEY (order_id, family_id)
);
CREATE INDEX order_family_family ON order_family (family_id);
