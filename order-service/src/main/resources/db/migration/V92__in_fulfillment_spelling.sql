-- Issue 18: one spelling. The order status IN_FULFILMENT is IN_FULFILLMENT, as fulfillment-service spells it
-- (OrderStatus). The status is stored by name (VARCHAR, no CHECK constraint lists the values) in the order and in
-- its history (R6); both are renamed here.
UPDATE customer_order SET status = 'IN_FULFILLMENT' WHERE status = 'IN_FULFILMENT';
UPDATE order_history SET from_status = 'IN_FULFILLMENT' WHERE from_status = 'IN_FULFILMENT';
UPDATE order_history SET to_status = 'IN_FULFILLMENT' WHERE to_status = 'IN_FULFILMENT';

-- OrderCancelled events written but not yet sent carry the old name in previousStatus: they leave with the new one.
-- Events already sent stay as they were (they are on the topic with the old name anyway).
UPDATE outbox SET payload = replace(payload, '"previousStatus":"IN_FULFILMENT"', '"previousStatus":"IN_FULFILLMENT"')
WHERE sent_at IS NULL AND event_type = 'ru.parus.order.OrderCancelled.v1'
  AND payload LIKE '%"previousStatus":"IN_FULFILMENT"%';
