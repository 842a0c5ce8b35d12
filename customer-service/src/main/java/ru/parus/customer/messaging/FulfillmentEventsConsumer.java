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
 * Reads {@code fulfillment-events} (R6): the shipments of a customer's orders on the customer's timeline; an
 * event whose order is not known yet waits for the order's OrderPlaced (see {@link TimelineFeed}). Each event
 * once (inbox), other types ignored, poison to the dead-letter topic.
 */
@ApplicationScoped
public class FulfillmentEventsConsumer implements EventConsumer {
    static final String CONSUMER = "customer-service.fulfillment-events";

    @Inject
    EventDispatcher dispatcher;
    @Inject
    TimelineFeed feed;

    private EventHandlers handlers;

    @PostConstruct
    void routes() {
        handlers = dispatcher.handlers(CONSUMER)
                .onAny(event -> feed.read(TimelineEvents.FULFILLMENT, event), (fact, event) -> feed.record(fact));
    }

    @Override
    public EventHandlers handlers() {
        return handlers;
    }
}
