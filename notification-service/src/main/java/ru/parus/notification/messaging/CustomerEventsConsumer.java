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
import ru.parus.notification.service.ReachabilityService;
import ru.parus.platform.consumer.RetryTransientFailures;
import ru.parus.platform.events.IncomingEvent;
import ru.parus.platform.inbox.Inbox;

/** Reads {@code customer-events} for consents, addresses, merges and erasure (R21, R24); each event once (inbox). */
@ApplicationScoped
@RetryTransientFailures
public class CustomerEventsConsumer {
    static final String CONSUMER = "notification-service.customer-events";

    @Inject
    ObjectMapper mapper;
    @Inject
    Inbox inbox;
    @Inject
    ReachabilityService reachability;

    @Incoming("customer-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent e = IncomingEvent.from(record, mapper);
        // R24: any customer event that carries ownerManagerId (CustomerRegistered, CustomerUpdated, ...) names the owner
        boolean namesOwner = e.data().has("ownerManagerId") && e.data().hasNonNull("customerId");
        boolean known = e.is(NotificationEvents.CUSTOMER_CONSENT_CHANGED) || e.is(NotificationEvents.CUSTOMER_CONTACTS_CHANGED)
                || e.is(NotificationEvents.CUSTOMERS_MERGED) || e.is(NotificationEvents.CUSTOMER_ERASED);
        if (!(known || namesOwner) || !inbox.firstDelivery(CONSUMER, e)) {
            return;
        }
        if (namesOwner) {
            var owner = e.data().get("ownerManagerId");
            reachability.ownerNamed(java.util.UUID.fromString(e.requireText("customerId")),
                    owner.isNull() || owner.asText().isBlank() ? null : owner.asText());
        }
        if (!known) {
            return;
        }
        if (e.is(NotificationEvents.CUSTOMER_CONSENT_CHANGED)) {
            reachability.consentChanged(read(mapper, e, IncomingPayloads.CustomerConsentChanged.class, "customerId", "version"));
        } else if (e.is(NotificationEvents.CUSTOMER_CONTACTS_CHANGED)) {
            reachability.contactsChanged(read(mapper, e, IncomingPayloads.CustomerContactsChanged.class, "customerId", "version"));
        } else if (e.is(NotificationEvents.CUSTOMERS_MERGED)) {
            reachability.merged(read(mapper, e, IncomingPayloads.CustomersMerged.class, "survivingCustomerId", "mergedCustomerId"));
        } else {
            reachability.erased(read(mapper, e, IncomingPayloads.CustomerErased.class, "customerId"));
        }
    }
}
