package ru.parus.order.event;

import ru.parus.platform.events.EventType;

/** What order-service publishes on {@value #TOPIC}; schemas in docs/events/ (what it reads: {@code event.incoming}). */
public final class OrderEvents {
    public static final String TOPIC = "order-events";
    public static final String AGGREGATE = "Order";
    public static final EventType PLACED = EventType.of("order", "OrderPlaced", 1);
    public static final EventType CONFIRMED = EventType.of("order", "OrderConfirmed", 1);
    public static final EventType PAID = EventType.of("order", "OrderPaid", 1);
    public static final EventType PAYMENT_OVERDUE = EventType.of("order", "OrderPaymentOverdue", 1);
    public static final EventType CANCELLED = EventType.of("order", "OrderCancelled", 1);
    /** R25: built in SQL by {@code ReplenishmentRepository.SCAN}; docs/events/ReplenishmentDue.v1.schema.json. */
    public static final EventType REPLENISHMENT_DUE = EventType.of("order", "ReplenishmentDue", 1);

    private OrderEvents() {
    }
}
