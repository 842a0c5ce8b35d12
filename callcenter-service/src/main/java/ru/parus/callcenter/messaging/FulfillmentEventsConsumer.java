package ru.parus.callcenter.messaging;

import static ru.parus.callcenter.messaging.EventReading.optionalText;
import static ru.parus.callcenter.messaging.EventReading.uuid;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import ru.parus.callcenter.event.CallCenterEvents;
import ru.parus.callcenter.service.TaskQueue;
import ru.parus.platform.consumer.RetryTransientFailures;
import ru.parus.platform.events.IncomingEvent;
import ru.parus.platform.inbox.Inbox;

/**
 * Reads {@code fulfillment-events} for R13: a shipment packed for courier delivery, or arrived at the pickup
 * point, makes an order-ready call. Each event once (inbox).
 */
@ApplicationScoped
@RetryTransientFailures
public class FulfillmentEventsConsumer {
    static final String CONSUMER = "callcenter-service.fulfillment-events";

    @Inject
    ObjectMapper mapper;
    @Inject
    Inbox inbox;
    @Inject
    TaskQueue queue;

    @Incoming("fulfillment-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent e = IncomingEvent.from(record, mapper);
        // R13: packed counts as ready only for courier delivery; other methods are ready when they arrive
        boolean ready = e.is(CallCenterEvents.SHIPMENT_READY_FOR_PICKUP)
                || e.is(CallCenterEvents.SHIPMENT_PACKED) && "COURIER".equals(optionalText(e, "deliveryMethod"));
        if (!ready || !inbox.firstDelivery(CONSUMER, e)) {
            return;
        }
        queue.orderReady(uuid(e, "shipmentId"), uuid(e, "orderId"), e.id());
    }
}
