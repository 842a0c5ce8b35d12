package ru.parus.customer.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ru.parus.customer.event.TimelineEvents;
import ru.parus.customer.service.TimelineFeed;
import ru.parus.platform.consumer.EventConsumer;
import ru.parus.platform.events.EventDispatcher;
import ru.parus.platform.events.EventHandlers;

/**
 * Reads {@code notification-events} (R6, R21): the messages sent to a customer, failed or skipped, with their
 * delivery status, on the customer's timeline. Each event once (inbox), other types ignored, poison to the
 * dead-letter topic.
 */
@ApplicationScoped
public class NotificationEventsConsumer implements EventConsumer {
    static final String CONSUMER = "customer-service.notification-events";

    @Inject
    EventDispatcher dispatcher;
    @Inject
    TimelineFeed feed;

    private EventHandlers handlers;

    @PostConstruct
    void routes() {
        handlers = dispatcher.handlers(CONSUMER)
                .onAny(event -> feed.read(TimelineEvents.NOTIFICATION, event), (fact, event) -> feed.record(fact));
    }

    @Override
    public EventHandlers handlers() {
        return handlers;
    }
}
