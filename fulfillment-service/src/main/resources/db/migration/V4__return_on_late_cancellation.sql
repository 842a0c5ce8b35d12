-- An order cancelled after its parcel was handed to a carrier starts a return (issue 6): the time the
-- return was requested replaces the bare "cancellation refused" mark.
ALTER TABLE shipment RENAME COLUMN cancellation_refused_at TO return_requested_at;
