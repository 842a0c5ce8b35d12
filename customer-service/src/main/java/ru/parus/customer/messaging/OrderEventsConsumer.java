package ru.parus.customer.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ru.parus.customer.event.OrderPlaced;
import ru.parus.customer.event.TimelineEvents;
import ru.parus.customer.service.CustomerService;
import ru.parus.customer.service.TimelineFeed;
import ru.parus.platform.consumer.EventConsumer;
import ru.parus.platform.events.EventDispatcher;
import ru.parus.platform.events.EventHandlers;

/**
 * Reads {@code order-events}: OrderPlaced for the customers' activity (R14), storefronts and the timeline; the
 * order's status changes (OrderConfirmed, OrderPaid, OrderCancelled, OrderPaymentOverdue) for the timeline (R6).
 * Each event once (inbox), unknown types ignored, poison to the dead-letter topic.
 */
@ApplicationScoped
public class OrderEventsConsumer implements EventConsumer {
    static final String CONSUMER = "customer-service.order-events";

    @Inject
    EventDispatcher dispatcher;
    @Inject
    CustomerService customers;
    @Inject
    TimelineFeed feed;

    private EventHandlers handlers;

    @PostConstruct
    void routes() {
        handlers = dispatcher.handlers(CONSUMER)
                .on(OrderPlaced.TYPE, OrderPlaced.class, (placed, event) -> customers.orderPlaced(placed))
                // R6: the order's status changes on the customer's timeline
                .onAny(event -> feed.read(TimelineEvents.ORDER, event), (fact, event) -> feed.record(fact));
    }

    @Override
    public EventHandlers handlers() {
        return handlers;
    }
}
