package ru.parus.order.event;

import ru.parus.platform.events.EventType;

/** What order-service publishes on {@value #TOPIC}; schemas in docs/events/. */
public final class OrderEvents {
    public static final String TOPIC = "order-events";
    public static final String AGGREGATE = "Order";
    public static final EventType PLACED = EventType.of("order", "OrderPlaced", 1);

    private OrderEvents() {
    }
}
