package ru.parus.order.messaging;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import ru.parus.order.event.OrderEvents;
import ru.parus.order.service.PaymentService;
import ru.parus.platform.consumer.RetryTransientFailures;
import ru.parus.platform.events.IncomingEvent;
import ru.parus.platform.events.PoisonEventException;
import ru.parus.platform.inbox.Inbox;

/** Reads {@code fulfillment-events}: cash collected on delivery becomes a payment (R15). */
@ApplicationScoped
@RetryTransientFailures
public class FulfillmentEventsConsumer {
    static final String CONSUMER = "order-service.fulfillment-events";

    @Inject
    ObjectMapper mapper;
    @Inject
    Inbox inbox;
    @Inject
    PaymentService payments;

    @Incoming("fulfillment-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record, mapper);
        if (!event.is(OrderEvents.SHIPMENT_DELIVERED) || !inbox.firstDelivery(CONSUMER, event)) {
            return;
        }
        String shipmentId = event.requireText("shipmentId");
        UUID orderId;
        OffsetDateTime deliveredAt;
        try {
            orderId = UUID.fromString(event.requireText("orderId"));
            deliveredAt = OffsetDateTime.parse(event.requireText("deliveredAt"));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new PoisonEventException(event.type() + " " + event.id() + ": " + e.getMessage(), record);
        }
        JsonNode cash = event.data().get("cashCollectedKopecks");
        if (cash == null || !cash.canConvertToLong()) {
            throw new PoisonEventException(event.type() + " " + event.id() + " lacks cashCollectedKopecks", record);
        }
        payments.cashCollected(shipmentId, orderId, deliveredAt, cash.asLong());
    }
}
