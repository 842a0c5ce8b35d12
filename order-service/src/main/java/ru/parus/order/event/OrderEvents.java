package ru.parus.order.event;

import ru.parus.platform.events.EventType;

/** What order-service publishes on {@value #TOPIC}; schemas in docs/events/. */
public final class OrderEvents {
    public static final String TOPIC = "order-events";
    public static final String AGGREGATE = "Order";
    public static final EventType PLACED = EventType.of("order", "OrderPlaced", 1);
    public static final EventType CONFIRMED = EventType.of("order", "OrderConfirmed", 1);
    public static final EventType PAID = EventType.of("order", "OrderPaid", 1);
    public static final EventType PAYMENT_OVERDUE = EventType.of("order", "OrderPaymentOverdue", 1);
    public static final EventType CANCELLED = EventType.of("order", "OrderCancelled", 1);

    /** What order-service reads. */
    public static final EventType CUSTOMER_REGISTERED = EventType.of("customer", "CustomerRegistered", 1);
    public static final EventType SHIPMENT_DELIVERED = EventType.of("fulfillment", "ShipmentDelivered", 1);

    private OrderEvents() {
    }
}
