package ru.parus.order.event;

import ru.parus.platform.events.EventType;

/**
 * What the catalogue publishes on {@value #TOPIC} (key = product id); schemas in docs/events/. Until this release
 * the topic was spelled {@code catalog-events}; nothing is published there any more (issue 18, upgrade path in
 * docs/architecture.md). The CloudEvents types keep their context {@code catalog}: they are the contract's names.
 */
public final class CatalogueEvents {
    public static final String TOPIC = "catalogue-events";
    public static final String AGGREGATE = "Product";
    public static final EventType PRODUCT_CHANGED = EventType.of("catalog", "ProductChanged", 1);
    public static final EventType CROSS_SELL_RULE_CHANGED = EventType.of("catalog", "CrossSellRuleChanged", 1);

    private CatalogueEvents() {
    }
}
