package ru.parus.order.event;

import ru.parus.platform.events.EventType;

/**
 * R11's bonus events on {@link OrderEvents#TOPIC}, key = customerId (a customer's balance is the aggregate); schemas in
 * docs/events/BonusPoints*.v1.schema.json. BonusPointsExpiring's payload is built in SQL
 * ({@code BonusExpiryRepository}), by its schema.
 */
public final class BonusEvents {
    public static final String TOPIC = OrderEvents.TOPIC;
    public static final String AGGREGATE = "BonusAccount";
    public static final EventType POINTS_EXPIRING = EventType.of("order", "BonusPointsExpiring", 1);

    private BonusEvents() {
    }
}
