package ru.parus.customer.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import ru.parus.customer.event.OrderPlaced;
import ru.parus.customer.service.CustomerService;
import ru.parus.platform.consumer.RetryTransientFailures;
import ru.parus.platform.events.IncomingEvent;
import ru.parus.platform.events.PoisonEventException;
import ru.parus.platform.inbox.Inbox;

/** Reads {@code order-events}: each event once (inbox), unknown types ignored, poison to the dead-letter topic. */
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

    @Incoming("order-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record, mapper);
        if (!event.is(OrderPlaced.TYPE) || !inbox.firstDelivery(CONSUMER, event)) {
            return;
        }
        customers.orderPlaced(read(event));
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
