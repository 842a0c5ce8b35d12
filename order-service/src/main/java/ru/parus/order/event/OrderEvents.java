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
    /** R22, R24: who owns a customer, for the access policy (platform AccessProjection). */
    public static final EventType CUSTOMER_UPDATED = EventType.of("customer", "CustomerUpdated", 1);
    public static final EventType CUSTOMER_DORMANT = EventType.of("customer", "CustomerDormant", 1);
    public static final EventType CUSTOMER_REACTIVATED = EventType.of("customer", "CustomerReactivated", 1);
    public static final EventType CUSTOMERS_MERGED = EventType.of("customer", "CustomersMerged", 1);
    /** R24: the customer's personal data were erased on request: blanked in orders and the projection too. */
    public static final EventType CUSTOMER_ERASED = EventType.of("customer", "CustomerErased", 1);
    /** R22: a deputy covers an absent manager's customers for the period. */
    public static final EventType MANAGER_ABSENCE_STARTED = EventType.of("callcenter", "ManagerAbsenceStarted", 1);
    public static final EventType MANAGER_ABSENCE_ENDED = EventType.of("callcenter", "ManagerAbsenceEnded", 1);

    private OrderEvents() {
    }
}
