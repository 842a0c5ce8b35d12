package ru.parus.customer.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import ru.parus.customer.event.TimelineEvents;
import ru.parus.customer.service.TimelineFeed;
import ru.parus.platform.consumer.RetryTransientFailures;
import ru.parus.platform.events.IncomingEvent;
import ru.parus.platform.inbox.Inbox;

/**
 * Reads {@code fulfillment-events} (R6): the shipments of a customer's orders on the customer's timeline; an
 * event whose order is not known yet waits for the order's OrderPlaced (see {@link TimelineFeed}). Each event
 * once (inbox), other types ignored, poison to the dead-letter topic.
 */
@ApplicationScoped
@RetryTransientFailures
public class FulfillmentEventsConsumer {
    static final String CONSUMER = "customer-service.fulfillment-events";

    @Inject
    ObjectMapper mapper;
    @Inject
    Inbox inbox;
    @Inject
    TimelineFeed feed;

    @Incoming("fulfillment-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record, mapper);
        feed.read(TimelineEvents.FULFILLMENT, event).ifPresent(fact -> {
            if (inbox.firstDelivery(CONSUMER, event)) {
                feed.record(fact);
            }
        });
    }
}
