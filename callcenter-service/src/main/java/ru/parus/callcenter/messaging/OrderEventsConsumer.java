package ru.parus.callcenter.messaging;

import static ru.parus.callcenter.messaging.EventReading.optionalText;
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
import ru.parus.callcenter.service.CustomerProfiles;
import ru.parus.callcenter.service.TaskQueue;
import ru.parus.platform.events.IncomingEvent;
import ru.parus.platform.inbox.Inbox;

/** Reads {@code order-events}: the order projection, and R15's unpaid-order calls. Each event once (inbox). */
@ApplicationScoped
public class OrderEventsConsumer {
    static final String CONSUMER = "callcenter-service.order-events";

    @Inject
    ObjectMapper mapper;
    @Inject
    Inbox inbox;
    @Inject
    TaskQueue queue;
    @Inject
    CustomerProfiles profiles;

    @Incoming("order-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent e = IncomingEvent.from(record, mapper);
        boolean known = e.is(CallCenterEvents.ORDER_PLACED) || e.is(CallCenterEvents.ORDER_PAYMENT_OVERDUE)
                || e.is(CallCenterEvents.ORDER_PAID) || e.is(CallCenterEvents.ORDER_CANCELLED);
        if (!known || !inbox.firstDelivery(CONSUMER, e)) {
            return;
        }
        if (e.is(CallCenterEvents.ORDER_PLACED)) {
            queue.orderPlaced(uuid(e, "orderId"), uuid(e, "customerId"), optionalText(e, "managerId"));
            profiles.orderPlaced(uuid(e, "customerId"), optionalText(e, "channel"), optionalTime(e, "placedAt")); // R16
        } else if (e.is(CallCenterEvents.ORDER_PAYMENT_OVERDUE)) {
            queue.paymentOverdue(uuid(e, "orderId"), uuid(e, "customerId"), e.id());
        } else if (e.is(CallCenterEvents.ORDER_PAID)) {
            queue.orderPaid(uuid(e, "orderId"), e.id());
        } else {
            queue.orderCancelled(uuid(e, "orderId"), e.id());
        }
    }
}
