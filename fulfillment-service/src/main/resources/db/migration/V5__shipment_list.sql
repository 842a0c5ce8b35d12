-- The warehouse's list (GET /shipments?status=PACKED): newest first, by status or for everyone; the access scope
-- (R24) joins access_customer_owner on the shipment's customer.
CREATE INDEX shipment_status_created ON shipment (status, created_at DESC, id DESC);
CREATE INDEX shipment_created ON shipment (created_at DESC, id DESC);
CREATE INDEX shipment_customer ON shipment (customer_id);
