package ru.parus.order.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import ru.parus.order.event.OrderEvents;
import ru.parus.order.service.CustomerDirectory;
import ru.parus.platform.consumer.RetryTransientFailures;
import ru.parus.platform.events.IncomingEvent;
import ru.parus.platform.events.PoisonEventException;
import ru.parus.platform.inbox.Inbox;

/** Reads {@code customer-events} into order-service's customer projection (R3): each event once, others ignored. */
@ApplicationScoped
@RetryTransientFailures
public class CustomerEventsConsumer {
    static final String CONSUMER = "order-service.customer-events";

    @Inject
    ObjectMapper mapper;
    @Inject
    Inbox inbox;
    @Inject
    CustomerDirectory customers;

    @Incoming("customer-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record, mapper);
        if (!event.is(OrderEvents.CUSTOMER_REGISTERED) || !inbox.firstDelivery(CONSUMER, event)) {
            return;
        }
        UUID id;
        try {
            id = UUID.fromString(event.requireText("customerId"));
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(event.type() + " " + event.id() + ": customerId is not a UUID", record);
        }
        customers.registered(new CustomerDirectory.Registered(id, text(event, "name"), text(event, "phone"),
                text(event, "email"), text(event, "type")));
    }

    private static String text(IncomingEvent event, String field) {
        var node = event.data().get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
