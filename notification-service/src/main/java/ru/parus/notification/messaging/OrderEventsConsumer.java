package ru.parus.notification.messaging;

import static ru.parus.notification.messaging.EventReading.read;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import ru.parus.notification.event.IncomingPayloads;
import ru.parus.notification.event.NotificationEvents;
import ru.parus.notification.service.OrderNotices;
import ru.parus.platform.consumer.RetryTransientFailures;
import ru.parus.platform.events.IncomingEvent;
import ru.parus.platform.inbox.Inbox;

/** Reads {@code order-events}: the order projection (R13) and payment reminders (R15); each event once (inbox). */
@ApplicationScoped
@RetryTransientFailures
public class OrderEventsConsumer {
    static final String CONSUMER = "notification-service.order-events";

    @Inject
    ObjectMapper mapper;
    @Inject
    Inbox inbox;
    @Inject
    OrderNotices orders;

    @Incoming("order-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent e = IncomingEvent.from(record, mapper);
        boolean known = e.is(NotificationEvents.ORDER_PLACED) || e.is(NotificationEvents.ORDER_CONFIRMED)
                || e.is(NotificationEvents.ORDER_PAID) || e.is(NotificationEvents.ORDER_PAYMENT_OVERDUE);
        if (!known || !inbox.firstDelivery(CONSUMER, e)) {
            return;
        }
        if (e.is(NotificationEvents.ORDER_PLACED)) {
            orders.placed(read(mapper, e, IncomingPayloads.OrderPlaced.class, "orderId", "customerId"));
        } else if (e.is(NotificationEvents.ORDER_CONFIRMED)) {
            orders.confirmed(read(mapper, e, IncomingPayloads.OrderConfirmed.class, "orderId", "customerId"));
        } else if (e.is(NotificationEvents.ORDER_PAID)) {
            orders.paid(read(mapper, e, IncomingPayloads.OrderPaid.class, "orderId", "customerId"));
        } else {
            orders.paymentOverdue(read(mapper, e, IncomingPayloads.OrderPaymentOverdue.class, "orderId", "customerId"), e.id());
        }
    }
}
