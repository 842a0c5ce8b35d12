package ru.parus.notification.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ru.parus.notification.event.IncomingPayloads.BonusPointsExpiring;
import ru.parus.notification.event.IncomingPayloads.OrderConfirmed;
import ru.parus.notification.event.IncomingPayloads.OrderPaid;
import ru.parus.notification.event.IncomingPayloads.OrderPaymentOverdue;
import ru.parus.notification.event.IncomingPayloads.OrderPlaced;
import ru.parus.notification.event.IncomingPayloads.ReplenishmentDue;
import ru.parus.notification.event.NotificationEvents;
import ru.parus.notification.service.OrderNotices;
import ru.parus.notification.service.ReminderNotices;
import ru.parus.platform.consumer.EventConsumer;
import ru.parus.platform.events.EventDispatcher;
import ru.parus.platform.events.EventHandlers;

/**
 * Reads {@code order-events}: the order projection (R13), payment reminders (R15), replenishment reminders (R25) and
 * bonus expiry warnings (R11); each event once (inbox).
 */
@ApplicationScoped
public class OrderEventsConsumer implements EventConsumer {
    static final String CONSUMER = "notification-service.order-events";

    @Inject
    EventDispatcher dispatcher;
    @Inject
    OrderNotices orders;
    @Inject
    ReminderNotices reminders;

    private EventHandlers handlers;

    @PostConstruct
    void routes() {
        handlers = dispatcher.handlers(CONSUMER)
                .on(NotificationEvents.ORDER_PLACED, OrderPlaced.class, (placed, event) -> orders.placed(placed))
                .on(NotificationEvents.ORDER_CONFIRMED, OrderConfirmed.class,
                        (confirmed, event) -> orders.confirmed(confirmed))
                .on(NotificationEvents.ORDER_PAID, OrderPaid.class, (paid, event) -> orders.paid(paid))
                .on(NotificationEvents.ORDER_PAYMENT_OVERDUE, OrderPaymentOverdue.class,
                        (overdue, event) -> orders.paymentOverdue(overdue, event.id()))
                .on(NotificationEvents.REPLENISHMENT_DUE, ReplenishmentDue.class,
                        (due, event) -> reminders.replenishmentDue(due, event.id()))
                .on(NotificationEvents.BONUS_POINTS_EXPIRING, BonusPointsExpiring.class,
                        (expiring, event) -> reminders.bonusPointsExpiring(expiring, event.id()));
    }

    @Override
    public EventHandlers handlers() {
        return handlers;
    }
}
