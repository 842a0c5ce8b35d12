-- The managers' lists (R24: scoped by the access projection of platform migration V1_2): every order newest first,
-- and the head's queue of discount requests oldest first (R10).
CREATE INDEX customer_order_placed ON customer_order (placed_at DESC, id DESC);
CREATE INDEX customer_order_manager ON customer_order (manager_id, placed_at DESC) WHERE manager_id IS NOT NULL;
CREATE INDEX discount_request_queue ON discount_request (status, requested_at, id);
