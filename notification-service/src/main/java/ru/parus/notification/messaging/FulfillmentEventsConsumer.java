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
import ru.parus.notification.service.OrderNotices;
import ru.parus.platform.consumer.RetryTransientFailures;
import ru.parus.platform.events.IncomingEvent;
import ru.parus.platform.inbox.Inbox;

/** Reads {@code fulfillment-events} for R13's "your order is ready"; each event once (inbox). */
@ApplicationScoped
@RetryTransientFailures
public class FulfillmentEventsConsumer {
    static final String CONSUMER = "notification-service.fulfillment-events";

    @Inject
    ObjectMapper mapper;
    @Inject
    Inbox inbox;
    @Inject
    OrderNotices orders;

    @Incoming("fulfillment-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent e = IncomingEvent.from(record, mapper);
        boolean arrived = e.is(NotificationEvents.SHIPMENT_READY_FOR_PICKUP);
        // R13: packed counts as ready only for courier delivery; other methods are ready when they arrive
        boolean ready = arrived || e.is(NotificationEvents.SHIPMENT_PACKED)
                && "COURIER".equals(e.data().path("deliveryMethod").asText());
        if (!ready || !inbox.firstDelivery(CONSUMER, e)) {
            return;
        }
        orders.shipmentReady(read(mapper, e, IncomingPayloads.ShipmentReady.class, "shipmentId", "orderId"), e.id(), arrived);
    }
}
