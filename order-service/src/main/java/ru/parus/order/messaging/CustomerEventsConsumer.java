package ru.parus.order.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.annotations.Blocking;
import ru.parus.order.service.CustomerTypes;
import ru.parus.platform.events.EventType;
import ru.parus.platform.events.IncomingEvent;
import ru.parus.platform.events.PoisonEventException;
import ru.parus.platform.inbox.Inbox;

/** Reads {@code customer-events} into the customer-type projection (R7): each event once, others ignored. */
@ApplicationScoped
public class CustomerEventsConsumer {
    static final String CONSUMER = "order-service.customer-events";
    public static final EventType CUSTOMER_REGISTERED = EventType.of("customer", "CustomerRegistered", 1);

    @Inject
    ObjectMapper mapper;
    @Inject
    Inbox inbox;
    @Inject
    CustomerTypes customerTypes;

    @Incoming("customer-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record, mapper);
        if (!event.is(CUSTOMER_REGISTERED) || !inbox.firstDelivery(CONSUMER, event)) {
            return;
        }
        UUID customerId;
        try {
            customerId = UUID.fromString(event.requireText("customerId"));
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(event.type() + " " + event.id() + ": customerId is not a UUID", record);
        }
        customerTypes.record(customerId, event.requireText("type"));
    }
}
