package ru.parus.callcenter.messaging;

import static ru.parus.callcenter.messaging.EventReading.flag;
import static ru.parus.callcenter.messaging.EventReading.optionalText;
import static ru.parus.callcenter.messaging.EventReading.time;
import static ru.parus.callcenter.messaging.EventReading.optionalTime;
import static ru.parus.callcenter.messaging.EventReading.uuid;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import ru.parus.callcenter.event.CallCenterEvents;
import ru.parus.callcenter.service.OrderActivity;
import ru.parus.callcenter.service.CustomerProfiles;
import ru.parus.callcenter.service.TaskQueue;
import ru.parus.platform.consumer.RetryTransientFailures;
import ru.parus.platform.events.IncomingEvent;
import ru.parus.platform.inbox.Inbox;

/** Reads {@code order-events}: the order projection, R15's unpaid-order calls and R23's order figures. Each event once (inbox). */
@ApplicationScoped
@RetryTransientFailures
public class OrderEventsConsumer {
    static final String CONSUMER = "callcenter-service.order-events";

    @Inject
    ObjectMapper mapper;
    @Inject
    Inbox inbox;
    @Inject
    TaskQueue queue;
    @Inject
    OrderActivity activity;
    @Inject
    CustomerProfiles profiles;

    @Incoming("order-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent e = IncomingEvent.from(record, mapper);
        boolean known = e.is(CallCenterEvents.ORDER_PLACED) || e.is(CallCenterEvents.ORDER_PAYMENT_OVERDUE)
                || e.is(CallCenterEvents.ORDER_PAID) || e.is(CallCenterEvents.ORDER_CANCELLED)
                || e.is(CallCenterEvents.UPSELL_OFFER_RECORDED)
                || e.is(CallCenterEvents.DISCOUNT_APPROVAL_REQUESTED) || e.is(CallCenterEvents.DISCOUNT_APPROVED)
                || e.is(CallCenterEvents.DISCOUNT_REJECTED);
        if (!known || !inbox.firstDelivery(CONSUMER, e)) {
            return;
        }
        if (e.is(CallCenterEvents.ORDER_PLACED)) {
            queue.orderPlaced(uuid(e, "orderId"), uuid(e, "customerId"), optionalText(e, "managerId"));
            activity.placed(uuid(e, "orderId"), optionalText(e, "channel"), time(e, "placedAt"), EventReading.nonNegativeLong(e, "totalKopecks"));
            profiles.orderPlaced(uuid(e, "customerId"), optionalText(e, "channel"), optionalTime(e, "placedAt")); // R16
        } else if (e.is(CallCenterEvents.ORDER_PAYMENT_OVERDUE)) {
            queue.paymentOverdue(uuid(e, "orderId"), uuid(e, "customerId"), e.id());
        } else if (e.is(CallCenterEvents.ORDER_PAID)) {
            queue.orderPaid(uuid(e, "orderId"), e.id());
        } else if (e.is(CallCenterEvents.ORDER_CANCELLED)) {
            queue.orderCancelled(uuid(e, "orderId"), e.id());
            activity.cancelled(uuid(e, "orderId"), uuid(e, "customerId"), time(e, "cancelledAt"),
                    flag(e, "managerError"), optionalText(e, "managerId"));
        } else if (e.is(CallCenterEvents.UPSELL_OFFER_RECORDED)) {
            activity.upsellRecorded(uuid(e, "offerId"), uuid(e, "orderId"), e.requireText("recordedBy"),
                    "ACCEPTED".equals(e.requireText("answer")), time(e, "recordedAt"));
        } else if (e.is(CallCenterEvents.DISCOUNT_APPROVAL_REQUESTED)) {
            // R10: the head's approval task
            queue.discountApprovalRequested(uuid(e, "requestId"), uuid(e, "orderId"), uuid(e, "customerId"),
                    e.requireText("requestedBy"), EventReading.decimal(e, "requestedPercent"), e.id());
        } else {
            queue.discountDecided(uuid(e, "requestId"), e.is(CallCenterEvents.DISCOUNT_APPROVED), e.id());
        }
    }
}
