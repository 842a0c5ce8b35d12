package ru.parus.callcenter.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ru.parus.callcenter.event.incoming.FulfillmentEvents;
import ru.parus.callcenter.event.incoming.FulfillmentEvents.ShipmentReady;
import ru.parus.callcenter.service.TaskQueue;
import ru.parus.platform.consumer.EventConsumer;
import ru.parus.platform.events.EventDispatcher;
import ru.parus.platform.events.EventHandlers;

/**
 * Reads {@code fulfillment-events} for R13: a shipment packed for courier delivery, or arrived at the pickup
 * point, makes an order-ready call. Each event once (inbox).
 */
@ApplicationScoped
public class FulfillmentEventsConsumer implements EventConsumer {
    static final String CONSUMER = "callcenter-service.fulfillment-events";

    @Inject
    EventDispatcher dispatcher;
    @Inject
    TaskQueue queue;

    private EventHandlers handlers;

    @PostConstruct
    void routes() {
        EventHandlers.Handler<ShipmentReady> ready =
                (shipment, event) -> queue.orderReady(shipment.shipmentId(), shipment.orderId(), event.id());
        // R13: packed counts as ready only for courier delivery; other methods are ready when they arrive
        handlers = dispatcher.handlers(CONSUMER)
                .on(FulfillmentEvents.SHIPMENT_PACKED, ShipmentReady.class, ShipmentReady::courier, ready)
                .on(FulfillmentEvents.SHIPMENT_READY_FOR_PICKUP, ShipmentReady.class, ready);
    }

    @Override
    public EventHandlers handlers() {
        return handlers;
    }
}
