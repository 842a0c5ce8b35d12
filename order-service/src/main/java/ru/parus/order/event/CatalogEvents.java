package ru.parus.order.event;

import ru.parus.platform.events.EventType;

/** What the catalogue publishes on {@value #TOPIC} (key = product id); schemas in docs/events/. */
public final class CatalogEvents {
    public static final String TOPIC = "catalog-events";
    public static final String AGGREGATE = "Product";
    public static final EventType PRODUCT_CHANGED = EventType.of("catalog", "ProductChanged", 1);
    public static final EventType CROSS_SELL_RULE_CHANGED = EventType.of("catalog", "CrossSellRuleChanged", 1);

    private CatalogEvents() {
    }
}
