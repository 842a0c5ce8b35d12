package ru.parus.fulfillment.messaging;

import static ru.parus.fulfillment.messaging.EventFields.nullableText;
import static ru.parus.fulfillment.messaging.EventFields.time;
import static ru.parus.fulfillment.messaging.EventFields.uuid;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import ru.parus.fulfillment.event.FulfillmentEvents;
import ru.parus.fulfillment.service.CustomerErasure;
import ru.parus.platform.access.AccessProjection;
import ru.parus.platform.consumer.RetryTransientFailures;
import ru.parus.platform.events.IncomingEvent;
import ru.parus.platform.events.PoisonEventException;
import ru.parus.platform.inbox.Inbox;

/**
 * Reads {@code customer-events} into the access projection (R22, R24): who owns a customer decides which manager reads
 * its shipments. Every event that names the owner (CustomerRegistered; CustomerUpdated whose changedFields lists
 * ownerManagerId; CustomerDormant and CustomerReactivated, which carry it) and CustomersMerged; and CustomerErased
 * (R24), which blanks the customer's personal data in shipments ({@link CustomerErasure}). Each once (inbox); other
 * types are ignored; a record that is not a readable event of these types goes to the dead-letter topic.
 */
@ApplicationScoped
@RetryTransientFailures
public class CustomerEventsConsumer {
    static final String CONSUMER = "fulfillment-service.customer-events";
    static final String OWNER = "ownerManagerId";

    @Inject
    ObjectMapper mapper;
    @Inject
    Inbox inbox;
    @Inject
    AccessProjection access;
    @Inject
    CustomerErasure erasure;

    @Incoming("customer-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record, mapper);
        // read before the inbox: a poison event is never recorded as processed
        if (event.is(FulfillmentEvents.CUSTOMERS_MERGED)) {
            UUID merged = uuid(event, "mergedCustomerId");
            UUID surviving = uuid(event, "survivingCustomerId");
            if (inbox.firstDelivery(CONSUMER, event)) {
                access.merged(merged, surviving);
            }
        } else if (event.is(FulfillmentEvents.CUSTOMER_ERASED)) {
            UUID customerId = uuid(event, "customerId");
            OffsetDateTime erasedAt = time(event, "erasedAt");
            if (inbox.firstDelivery(CONSUMER, event)) {
                erasure.erase(customerId, erasedAt); // R24
            }
        } else if (namesOwner(event)) {
            UUID customerId = uuid(event, "customerId");
            String owner = nullableText(event, OWNER);
            if (inbox.firstDelivery(CONSUMER, event)) {
                access.ownerNamed(customerId, owner);
            }
        }
    }

    /**
     * R24: whether the event tells who owns the customer now. A registration always does (no member: nobody); an update
     * only when its changedFields lists the owner, whose member must then be present.
     */
    private static boolean namesOwner(IncomingEvent event) {
        if (event.is(FulfillmentEvents.CUSTOMER_REGISTERED)) {
            return true;
        }
        if (event.is(FulfillmentEvents.CUSTOMER_UPDATED)) {
            JsonNode changed = event.data().get("changedFields");
            if (changed == null || !changed.isArray()) {
                throw new PoisonEventException(event.type() + " " + event.id() + " lacks changedFields", null);
            }
            for (JsonNode field : changed) {
                if (OWNER.equals(field.asText())) {
                    if (!event.data().has(OWNER)) {
                        throw new PoisonEventException(event.type() + " " + event.id() + " lists " + OWNER
                                + " in changedFields without its value", null);
                    }
                    return true;
                }
            }
            return false;
        }
        return (event.is(FulfillmentEvents.CUSTOMER_DORMANT) || event.is(FulfillmentEvents.CUSTOMER_REACTIVATED))
                && event.data().has(OWNER);
    }
}
