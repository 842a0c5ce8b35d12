package ru.parus.notification.messaging;

import static ru.parus.notification.messaging.EventReading.read;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import ru.parus.notification.event.IncomingPayloads;
import ru.parus.notification.event.NotificationEvents;
import ru.parus.notification.service.CatalogueProjection;
import ru.parus.platform.consumer.RetryTransientFailures;
import ru.parus.platform.events.IncomingEvent;
import ru.parus.platform.events.PoisonEventException;
import ru.parus.platform.inbox.Inbox;

/**
 * Reads {@code catalog-events} for the catalogue projection behind managers' attachments, the price list and
 * certificates (R1, R21); each event once (inbox). Other catalogue events (CrossSellRuleChanged) are not ours.
 */
@ApplicationScoped
@RetryTransientFailures
public class CatalogEventsConsumer {
    static final String CONSUMER = "notification-service.catalog-events";

    @Inject
    ObjectMapper mapper;
    @Inject
    Inbox inbox;
    @Inject
    CatalogueProjection catalogue;

    @Incoming("catalog-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent e = IncomingEvent.from(record, mapper);
        if (!e.is(NotificationEvents.PRODUCT_CHANGED) || !inbox.firstDelivery(CONSUMER, e)) {
            return;
        }
        IncomingPayloads.ProductChanged p = read(mapper, e, IncomingPayloads.ProductChanged.class, "productId", "version",
                "name", "category");
        if (p.variants() == null || p.storefronts() == null) {
            throw new PoisonEventException("ProductChanged " + e.id() + " lacks variants or storefronts", null);
        }
        catalogue.changed(p);
    }
}
