package ru.parus.notification.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import ru.parus.notification.event.IncomingPayloads.ProductChanged;
import ru.parus.notification.event.NotificationEvents;
import ru.parus.notification.service.CatalogueProjection;
import ru.parus.platform.consumer.RetryTransientFailures;
import ru.parus.platform.events.EventDispatcher;
import ru.parus.platform.events.EventHandlers;

/**
 * Reads {@code catalog-events} for the catalogue projection behind managers' attachments, the price list and
 * certificates (R1, R21); each event once (inbox). Other catalogue events (CrossSellRuleChanged) are not ours; a
 * ProductChanged without variants or storefronts is poison (its record's constraints).
 */
@ApplicationScoped
@RetryTransientFailures
public class CatalogEventsConsumer {
    static final String CONSUMER = "notification-service.catalog-events";

    @Inject
    EventDispatcher dispatcher;
    @Inject
    CatalogueProjection catalogue;

    private EventHandlers handlers;

    @PostConstruct
    void routes() {
        handlers = dispatcher.handlers(CONSUMER)
                .on(NotificationEvents.PRODUCT_CHANGED, ProductChanged.class,
                        (changed, event) -> catalogue.changed(changed));
    }

    @Incoming("catalog-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        handlers.dispatch(record);
    }
}
