-- What fulfilment knows of an order from order-events (R12): kept until the order may be shipped.
-- OrderConfirmed and OrderPaid may arrive in either order after a replay; each fills its own columns.
CREATE TABLE order_state (
    order_id             UUID PRIMARY KEY,
    confirmed_payload    TEXT,
    requires_prepayment  BOOLEAN,
    paid_at              TIMESTAMPTZ,
    cancelled_at         TIMESTAMPTZ,
    cancel_reason        TEXT,
    updated_at           TIMESTAMPTZ NOT NULL
);

-- The shipment carries a copy of everything the warehouse and the carrier need (ShipmentCreated, documents).
ALTER TABLE shipment
    ADD COLUMN customer_id              UUID,
    ADD COLUMN payment_method           VARCHAR(30),
    ADD COLUMN carrier_code             VARCHAR(40),
    ADD COLUMN carrier_name             VARCHAR(200),
    ADD COLUMN details                  TEXT,
    ADD COLUMN declared_value_kopecks   BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN cash_on_delivery_kopecks BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN weight_grams             INTEGER,
    ADD COLUMN length_mm                INTEGER,
    ADD COLUMN width_mm                 INTEGER,
    ADD COLUMN height_mm                INTEGER,
    ADD COLUMN parcels                  INTEGER,
    ADD COLUMN tracking_number          VARCHAR(40),
    ADD COLUMN cash_collected_kopecks   BIGINT,
    ADD COLUMN status_changed_at        TIMESTAMPTZ,
    ADD COLUMN delivered_at             TIMESTAMPTZ,
    ADD COLUMN cancelled_at             TIMESTAMPTZ,
    -- an OrderCancelled that came after hand-over: refused (the parcel is with the carrier) and kept here
    ADD COLUMN cancellation_refused_at  TIMESTAMPTZ,
    ADD COLUMN cancellation_reason      TEXT;

-- Progress reports of the warehouse and carriers, idempotent per report id chosen by the caller.
CREATE TABLE shipment_report (
    report_id    VARCHAR(100) PRIMARY KEY,
    shipment_id  UUID         NOT NULL REFERENCES shipment (id),
    kind         VARCHAR(30)  NOT NULL,
    outcome      VARCHAR(20)  NOT NULL,
    body         TEXT         NOT NULL,
    reported_by  VARCHAR(100) NOT NULL,
    received_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX shipment_report_shipment ON shipment_report (shipment_id);
