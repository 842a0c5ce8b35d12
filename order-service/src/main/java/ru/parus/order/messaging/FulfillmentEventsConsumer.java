package ru.parus.order.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ru.parus.order.event.incoming.FulfillmentEvents.ShipmentDelivered;
import ru.parus.order.event.incoming.FulfillmentEvents.ShipmentReturned;
import ru.parus.order.service.BonusService;
import ru.parus.order.service.PaymentService;
import ru.parus.order.service.ReplenishmentPlanner;
import ru.parus.platform.consumer.EventConsumer;
import ru.parus.platform.events.EventDispatcher;
import ru.parus.platform.events.EventHandlers;

/**
 * Reads {@code fulfillment-events}: cash collected on delivery becomes a payment (R15); the delivery date starts the
 * customer's supply, from which R25 times the replenishment; a returned shipment settles the order's bonus points
 * (R11). Other shipment events are not order-service's business.
 */
@ApplicationScoped
public class FulfillmentEventsConsumer implements EventConsumer {
    static final String CONSUMER = "order-service.fulfillment-events";

    @Inject
    EventDispatcher dispatcher;
    @Inject
    PaymentService payments;
    @Inject
    ReplenishmentPlanner replenishment;
    @Inject
    BonusService bonus;

    private EventHandlers handlers;

    @PostConstruct
    void routes() {
        handlers = dispatcher.handlers(CONSUMER)
                .on(ShipmentDelivered.TYPE, ShipmentDelivered.class, (d, event) -> {
                    payments.cashCollected(d.shipmentId(), d.orderId(), d.deliveredAt(), d.cashCollectedKopecks()); // R15
                    replenishment.delivered(d.orderId(), d.deliveredAt()); // R25: the supply starts on the delivery date
                })
                .on(ShipmentReturned.TYPE, ShipmentReturned.class, (r, event) -> bonus.takeBackOnReturn(r.orderId(),
                        r.shipmentId()));
    }

    @Override
    public EventHandlers handlers() {
        return handlers;
    }
}
