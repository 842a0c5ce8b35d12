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
 * Reads {@code notification-events} (R6, R21): the messages sent to a customer, failed or skipped, with their
 * delivery status, on the customer's timeline. Each event once (inbox), other types ignored, poison to the
 * dead-letter topic.
 */
@ApplicationScoped
@RetryTransientFailures
public class NotificationEventsConsumer {
    static final String CONSUMER = "customer-service.notification-events";

    @Inject
    ObjectMapper mapper;
    @Inject
    Inbox inbox;
    @Inject
    TimelineFeed feed;

    @Incoming("notification-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record, mapper);
        feed.read(TimelineEvents.NOTIFICATION, event).ifPresent(fact -> {
            if (inbox.firstDelivery(CONSUMER, event)) {
                feed.record(fact);
            }
        });
    }
}
