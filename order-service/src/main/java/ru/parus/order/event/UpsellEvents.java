package ru.parus.order.event;

import ru.parus.platform.events.EventType;

/** Upsell events go on the order's topic ({@link OrderEvents#TOPIC}, key = order id). */
public final class UpsellEvents {
    public static final EventType OFFER_RECORDED = EventType.of("order", "UpsellOfferRecorded", 1);

    private UpsellEvents() {
    }
}
