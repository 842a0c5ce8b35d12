package ru.parus.fulfillment.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ru.parus.fulfillment.event.FulfillmentEvents;
import ru.parus.fulfillment.event.OrderConfirmed;
import ru.parus.fulfillment.event.OrderEvents.OrderCancelled;
import ru.parus.fulfillment.event.OrderEvents.OrderPaid;
import ru.parus.fulfillment.service.ShipmentService;
import ru.parus.platform.consumer.EventConsumer;
import ru.parus.platform.events.EventDispatcher;
import ru.parus.platform.events.EventHandlers;

/**
 * Reads {@code order-events} (R12): OrderConfirmed, OrderPaid and OrderCancelled, each once (inbox); other types
 * are ignored; a record that is not a readable event of these types goes to the dead-letter topic.
 */
@ApplicationScoped
public class OrderEventsConsumer implements EventConsumer {
    static final String CONSUMER = "fulfillment-service.order-events";

    @Inject
    EventDispatcher dispatcher;
    @Inject
    ShipmentService shipments;

    private EventHandlers handlers;

    @PostConstruct
    void routes() {
        handlers = dispatcher.handlers(CONSUMER)
                // the confirmation is kept as it came (R12: the shipment is made from it, maybe after OrderPaid)
                .on(FulfillmentEvents.ORDER_CONFIRMED, OrderConfirmed.class,
                        (confirmed, event) -> shipments.orderConfirmed(confirmed, event.data().toString()))
                .on(FulfillmentEvents.ORDER_PAID, OrderPaid.class,
                        (paid, event) -> shipments.orderPaid(paid.orderId(), paid.paidAt()))
                .on(FulfillmentEvents.ORDER_CANCELLED, OrderCancelled.class,
                        (cancelled, event) -> shipments.orderCancelled(cancelled.orderId(), cancelled.cancelledAt(),
                                cancelled.reason()));
    }

    @Override
    public EventHandlers handlers() {
        return handlers;
    }
}
