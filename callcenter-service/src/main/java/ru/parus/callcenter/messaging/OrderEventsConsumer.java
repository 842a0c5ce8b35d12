package ru.parus.callcenter.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ru.parus.callcenter.event.incoming.OrderEvents.DiscountApprovalRequested;
import ru.parus.callcenter.event.incoming.OrderEvents.DiscountDecided;
import ru.parus.callcenter.event.incoming.OrderEvents.OrderCancelled;
import ru.parus.callcenter.event.incoming.OrderEvents.OrderPaid;
import ru.parus.callcenter.event.incoming.OrderEvents.OrderPaymentOverdue;
import ru.parus.callcenter.event.incoming.OrderEvents.OrderPlaced;
import ru.parus.callcenter.event.incoming.OrderEvents.ReplenishmentDue;
import ru.parus.callcenter.event.incoming.OrderEvents.UpsellOfferRecorded;
import ru.parus.callcenter.service.CustomerProfiles;
import ru.parus.callcenter.service.OrderActivity;
import ru.parus.callcenter.service.ReplenishmentTasks;
import ru.parus.callcenter.service.TaskQueue;
import ru.parus.platform.consumer.EventConsumer;
import ru.parus.platform.events.EventDispatcher;
import ru.parus.platform.events.EventHandlers;

/**
 * Reads {@code order-events}: the order projection, R15's unpaid-order calls, R25's replenishment calls and R23's order
 * figures. Each event once (inbox).
 */
@ApplicationScoped
public class OrderEventsConsumer implements EventConsumer {
    static final String CONSUMER = "callcenter-service.order-events";

    @Inject
    EventDispatcher dispatcher;
    @Inject
    TaskQueue queue;
    @Inject
    OrderActivity activity;
    @Inject
    CustomerProfiles profiles;
    @Inject
    ReplenishmentTasks replenishments;

    private EventHandlers handlers;

    @PostConstruct
    void routes() {
        handlers = dispatcher.handlers(CONSUMER)
                .on(OrderPlaced.TYPE, OrderPlaced.class, (placed, event) -> {
                    queue.orderPlaced(placed.orderId(), placed.customerId(), placed.managerId());
                    activity.placed(placed.orderId(), placed.channel(), placed.placedAt(), placed.totalKopecks());
                    profiles.orderPlaced(placed.customerId(), placed.channel(), placed.placedAt()); // R16
                    replenishments.orderPlaced(placed.orderId(), placed.customerId(), placed.familyIds(), event.id()); // R25
                })
                // R25: a call first where the head chose it; MESSAGE is notification-service's
                .on(ReplenishmentDue.TYPE, ReplenishmentDue.class, (due, event) -> {
                    if (due.call()) {
                        replenishments.due(new ReplenishmentTasks.Due(due.orderId(), due.orderLineId(), due.customerId(),
                                due.managerId(), due.familyId(), due.sku(), due.productName(), due.runOutOn()), event.id());
                    }
                })
                .on(OrderPaymentOverdue.TYPE, OrderPaymentOverdue.class,
                        (overdue, event) -> queue.paymentOverdue(overdue.orderId(), overdue.customerId(), event.id()))
                .on(OrderPaid.TYPE, OrderPaid.class, (paid, event) -> queue.orderPaid(paid.orderId(), event.id()))
                .on(OrderCancelled.TYPE, OrderCancelled.class, (cancelled, event) -> {
                    queue.orderCancelled(cancelled.orderId(), event.id());
                    activity.cancelled(cancelled.orderId(), cancelled.customerId(), cancelled.cancelledAt(),
                            cancelled.managerError(), cancelled.managerId());
                })
                .on(UpsellOfferRecorded.TYPE, UpsellOfferRecorded.class, (offer, event) -> activity.upsellRecorded(
                        offer.offerId(), offer.orderId(), offer.recordedBy(), offer.accepted(), offer.recordedAt()))
                // R10: the head's approval task
                .on(DiscountApprovalRequested.TYPE, DiscountApprovalRequested.class, (request, event) ->
                        queue.discountApprovalRequested(request.requestId(), request.orderId(), request.customerId(),
                                request.requestedBy(), request.requestedPercent(), event.id()))
                .on(DiscountDecided.APPROVED, DiscountDecided.class,
                        (decided, event) -> queue.discountDecided(decided.requestId(), true, event.id()))
                .on(DiscountDecided.REJECTED, DiscountDecided.class,
                        (decided, event) -> queue.discountDecided(decided.requestId(), false, event.id()));
    }

    @Override
    public EventHandlers handlers() {
        return handlers;
    }
}
