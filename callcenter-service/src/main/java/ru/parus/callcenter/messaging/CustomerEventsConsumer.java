package ru.parus.callcenter.messaging;

import static ru.parus.callcenter.messaging.EventReading.optionalText;
import static ru.parus.callcenter.messaging.EventReading.optionalTime;
import static ru.parus.callcenter.messaging.EventReading.positiveInt;
import static ru.parus.callcenter.messaging.EventReading.uuid;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import ru.parus.callcenter.event.CallCenterEvents;
import ru.parus.callcenter.service.CustomerErasure;
import ru.parus.callcenter.service.CustomerProfiles;
import ru.parus.callcenter.service.TaskQueue;
import ru.parus.platform.consumer.RetryTransientFailures;
import ru.parus.platform.events.IncomingEvent;
import ru.parus.platform.inbox.Inbox;

/** Reads {@code customer-events}: the customer projection, and R14's reactivation calls. Each event once (inbox). */
@ApplicationScoped
@RetryTransientFailures
public class CustomerEventsConsumer {
    static final String CONSUMER = "callcenter-service.customer-events";

    @Inject
    ObjectMapper mapper;
    @Inject
    Inbox inbox;
    @Inject
    TaskQueue queue;
    @Inject
    CustomerProfiles profiles;
    @Inject
    CustomerErasure erasure;

    @Incoming("customer-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent e = IncomingEvent.from(record, mapper);
        boolean known = e.is(CallCenterEvents.CUSTOMER_REGISTERED) || e.is(CallCenterEvents.CUSTOMERS_MERGED)
                || e.is(CallCenterEvents.CUSTOMER_DORMANT) || e.is(CallCenterEvents.CUSTOMER_REACTIVATED)
                || e.is(CallCenterEvents.CUSTOMER_CONTACTS_CHANGED) || e.is(CallCenterEvents.CUSTOMER_ERASED);
        if (!known || !inbox.firstDelivery(CONSUMER, e)) {
            return;
        }
        if (e.is(CallCenterEvents.CUSTOMER_REGISTERED)) {
            queue.customerRegistered(uuid(e, "customerId"), optionalText(e, "name"), optionalText(e, "phone"),
                    optionalText(e, "ownerManagerId"));
            profiles.registered(uuid(e, "customerId"), optionalText(e, "type")); // R16 selectors
        } else if (e.is(CallCenterEvents.CUSTOMERS_MERGED)) {
            queue.customersMerged(uuid(e, "survivingCustomerId"), uuid(e, "mergedCustomerId"));
        } else if (e.is(CallCenterEvents.CUSTOMER_DORMANT)) {
            queue.customerDormant(uuid(e, "customerId"), positiveInt(e, "episode"), optionalText(e, "ownerManagerId"), e.id());
            profiles.dormant(uuid(e, "customerId"), optionalText(e, "customerType"), optionalTime(e, "lastOrderAt")); // R16
        } else if (e.is(CallCenterEvents.CUSTOMER_REACTIVATED)) {
            queue.customerReactivated(uuid(e, "customerId"), e.id());
            profiles.reactivated(uuid(e, "customerId"), optionalTime(e, "orderPlacedAt")); // R16 selectors
        } else if (e.is(CallCenterEvents.CUSTOMER_ERASED)) {
            erasure.erase(uuid(e, "customerId")); // R24
        } else {
            // R18: the phones calls are matched by
            queue.customerContactsChanged(uuid(e, "customerId"), EventReading.texts(e, "phones"),
                    EventReading.nonNegativeLong(e, "version"));
        }
    }
}
