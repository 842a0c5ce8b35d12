package ru.parus.notification.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ru.parus.notification.event.IncomingPayloads.ShipmentReady;
import ru.parus.notification.event.NotificationEvents;
import ru.parus.notification.service.OrderNotices;
import ru.parus.platform.consumer.EventConsumer;
import ru.parus.platform.events.EventDispatcher;
import ru.parus.platform.events.EventHandlers;

/** Reads {@code fulfillment-events} for R13's "your order is ready"; each event once (inbox). */
@ApplicationScoped
public class FulfillmentEventsConsumer implements EventConsumer {
    static final String CONSUMER = "notification-service.fulfillment-events";

    @Inject
    EventDispatcher dispatcher;
    @Inject
    OrderNotices orders;

    private EventHandlers handlers;

    @PostConstruct
    void routes() {
        handlers = dispatcher.handlers(CONSUMER)
                .on(NotificationEvents.SHIPMENT_READY_FOR_PICKUP, ShipmentReady.class,
                        (arrived, event) -> orders.shipmentReady(arrived, event.id(), true))
                // R13: packed counts as ready only for courier delivery; other methods are ready when they arrive
                .on(NotificationEvents.SHIPMENT_PACKED, ShipmentReady.class, ShipmentReady::byCourier,
                        (packed, event) -> orders.shipmentReady(packed, event.id(), false));
    }

    @Override
    public EventHandlers handlers() {
        return handlers;
    }
}
