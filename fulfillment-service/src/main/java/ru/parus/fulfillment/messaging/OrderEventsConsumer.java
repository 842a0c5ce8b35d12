package ru.parus.fulfillment.messaging;

import static ru.parus.fulfillment.messaging.EventFields.time;
import static ru.parus.fulfillment.messaging.EventFields.uuid;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import ru.parus.fulfillment.event.FulfillmentEvents;
import ru.parus.fulfillment.event.OrderConfirmed;
import ru.parus.fulfillment.service.ShipmentService;
import ru.parus.platform.consumer.RetryTransientFailures;
import ru.parus.platform.events.IncomingEvent;
import ru.parus.platform.events.PoisonEventException;
import ru.parus.platform.inbox.Inbox;

/**
 * Reads {@code order-events} (R12): OrderConfirmed, OrderPaid and OrderCancelled, each once (inbox); other types
 * are ignored; a record that is not a readable event of these types goes to the dead-letter topic.
 */
@ApplicationScoped
@RetryTransientFailures
public class OrderEventsConsumer {
    static final String CONSUMER = "fulfillment-service.order-events";

    @Inject
    ObjectMapper mapper;
    @Inject
    Inbox inbox;
    @Inject
    ShipmentService shipments;

    @Incoming("order-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record, mapper);
        boolean ours = event.is(FulfillmentEvents.ORDER_CONFIRMED) || event.is(FulfillmentEvents.ORDER_PAID)
                || event.is(FulfillmentEvents.ORDER_CANCELLED);
        if (!ours) {
            return;
        }
        // read before the inbox: a poison event is never recorded as processed
        if (event.is(FulfillmentEvents.ORDER_CONFIRMED)) {
            OrderConfirmed confirmed = readConfirmed(event);
            if (inbox.firstDelivery(CONSUMER, event)) {
                shipments.orderConfirmed(confirmed, event.data().toString());
            }
        } else if (event.is(FulfillmentEvents.ORDER_PAID)) {
            UUID orderId = uuid(event, "orderId");
            OffsetDateTime paidAt = time(event, "paidAt");
            if (inbox.firstDelivery(CONSUMER, event)) {
                shipments.orderPaid(orderId, paidAt);
            }
        } else {
            UUID orderId = uuid(event, "orderId");
            OffsetDateTime cancelledAt = time(event, "cancelledAt");
            String reason = event.data().path("reason").asText(null);
            if (inbox.firstDelivery(CONSUMER, event)) {
                shipments.orderCancelled(orderId, cancelledAt, reason);
            }
        }
    }

    private OrderConfirmed readConfirmed(IncomingEvent event) {
        OrderConfirmed c;
        try {
            c = mapper.treeToValue(event.data(), OrderConfirmed.class);
        } catch (Exception e) {
            throw new PoisonEventException("unreadable " + event.type() + " " + event.id() + ": " + e.getMessage(), null);
        }
        if (c.orderId() == null || c.deliveryMethod() == null || c.requiresPrepayment() == null
                || c.recipient() == null || c.delivery() == null || c.lines() == null || c.lines().isEmpty()) {
            throw new PoisonEventException(event.type() + " " + event.id()
                    + " lacks orderId, deliveryMethod, requiresPrepayment, recipient, delivery or lines", null);
        }
        return c;
    }
}
