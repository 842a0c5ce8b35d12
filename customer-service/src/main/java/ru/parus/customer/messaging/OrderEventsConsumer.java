package ru.parus.customer.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import ru.parus.customer.event.OrderPlaced;
import ru.parus.customer.event.TimelineEvents;
import ru.parus.customer.service.CustomerService;
import ru.parus.customer.service.TimelineFeed;
import ru.parus.platform.consumer.RetryTransientFailures;
import ru.parus.platform.events.IncomingEvent;
import ru.parus.platform.events.PoisonEventException;
import ru.parus.platform.inbox.Inbox;

/**
 * Reads {@code order-events}: OrderPlaced for the customers' activity (R14), storefronts and the timeline; the
 * order's status changes (OrderConfirmed, OrderPaid, OrderCancelled, OrderPaymentOverdue) for the timeline (R6).
 * Each event once (inbox), unknown types ignored, poison to the dead-letter topic.
 */
@ApplicationScoped
@RetryTransientFailures
public class OrderEventsConsumer {
    static final String CONSUMER = "customer-service.order-events";

    @Inject
    ObjectMapper mapper;
    @Inject
    Inbox inbox;
    @Inject
    CustomerService customers;
    @Inject
    TimelineFeed feed;

    @Incoming("order-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record, mapper);
        if (event.is(OrderPlaced.TYPE)) {
            OrderPlaced placed = read(event);
            if (inbox.firstDelivery(CONSUMER, event)) {
                customers.orderPlaced(placed);
            }
            return;
        }
        // R6: the order's status changes on the customer's timeline
        feed.read(TimelineEvents.ORDER, event).ifPresent(fact -> {
            if (inbox.firstDelivery(CONSUMER, event)) {
                feed.record(fact);
            }
        });
    }

    private OrderPlaced read(IncomingEvent event) {
        OrderPlaced placed;
        try {
            placed = mapper.treeToValue(event.data(), OrderPlaced.class);
        } catch (Exception e) {
            throw new PoisonEventException("unreadable " + event.type() + " " + event.id() + ": " + e.getMessage(), null);
        }
        if (placed.orderId() == null || placed.customerId() == null || placed.placedAt() == null) {
            throw new PoisonEventException(event.type() + " " + event.id() + " lacks orderId, customerId or placedAt", null);
        }
        return placed;
    }
}
