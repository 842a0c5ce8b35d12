package ru.parus.notification.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ru.parus.notification.event.IncomingPayloads.ProductChanged;
import ru.parus.notification.event.NotificationEvents;
import ru.parus.notification.service.CatalogueProjection;
import ru.parus.platform.consumer.EventConsumer;
import ru.parus.platform.events.EventDispatcher;
import ru.parus.platform.events.EventHandlers;

/**
 * Reads {@code catalogue-events} for the catalogue projection behind managers' attachments, the price list and
 * certificates (R1, R21); each event once (inbox). Other catalogue events (CrossSellRuleChanged) are not ours; a
 * ProductChanged without variants or storefronts is poison (its record's constraints).
 * <p>
 * Upgrade (issue 18): the topic was spelled {@code catalog-events} before; for one release these handlers read both
 * topics ({@code alsoFrom}; both are in the service's {@code events} channel), so what order-service published before the upgrade still
 * reaches the projection. One inbox name for both: their events have different ids, and the projection keeps the
 * newer version whichever topic brings it. The inbox name changed with the topic's spelling: an event redelivered
 * across the upgrade is handled again, which that version check makes harmless. The next release reads
 * {@code catalogue-events} only.
 */
@ApplicationScoped
public class CatalogueEventsConsumer implements EventConsumer {
    static final String CONSUMER = "notification-service.catalogue-events";

    @Inject
    EventDispatcher dispatcher;
    @Inject
    CatalogueProjection catalogue;

    private EventHandlers handlers;

    @PostConstruct
    void routes() {
        handlers = dispatcher.handlers(CONSUMER)
                .alsoFrom("catalog-events")
                .on(NotificationEvents.PRODUCT_CHANGED, ProductChanged.class,
                        (changed, event) -> catalogue.changed(changed));
    }

    @Override
    public EventHandlers handlers() {
        return handlers;
    }
}
