package ru.parus.order.messaging;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import ru.parus.order.event.OrderEvents;
import ru.parus.order.service.CustomerDirectory;
import ru.parus.order.service.CustomerErasure;
import ru.parus.platform.access.AccessProjection;
import ru.parus.platform.consumer.RetryTransientFailures;
import ru.parus.platform.events.EventType;
import ru.parus.platform.events.IncomingEvent;
import ru.parus.platform.events.PoisonEventException;
import ru.parus.platform.inbox.Inbox;

/**
 * Reads {@code customer-events}: CustomerRegistered into order-service's customer projection (R3); who owns a customer
 * (every event that names the owner) and merges into the access projection the one access policy decides on (R22,
 * R24); CustomerErased blanks the customer's personal data in orders and the projection (R24, {@link CustomerErasure}).
 * Each event once, other types ignored, poison to the dead-letter topic.
 */
@ApplicationScoped
@RetryTransientFailures
public class CustomerEventsConsumer {
    static final String CONSUMER = "order-service.customer-events";
    static final String OWNER = "ownerManagerId";
    /** R24: the customer events that may carry the customer's owner (CustomerUpdated only when it changed). */
    static final List<EventType> OWNER_NAMING = List.of(OrderEvents.CUSTOMER_REGISTERED, OrderEvents.CUSTOMER_UPDATED,
            OrderEvents.CUSTOMER_DORMANT, OrderEvents.CUSTOMER_REACTIVATED);

    @Inject
    ObjectMapper mapper;
    @Inject
    Inbox inbox;
    @Inject
    CustomerDirectory customers;
    @Inject
    AccessProjection access;
    @Inject
    CustomerErasure erasure;

    @Incoming("customer-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record, mapper);
        if (event.is(OrderEvents.CUSTOMERS_MERGED)) {
            UUID merged = uuid(event, "mergedCustomerId", record);
            UUID surviving = uuid(event, "survivingCustomerId", record);
            if (inbox.firstDelivery(CONSUMER, event)) {
                access.merged(merged, surviving); // R24: the merged-away customer's orders follow the survivor's owner
            }
            return;
        }
        if (event.is(OrderEvents.CUSTOMER_ERASED)) {
            UUID id = uuid(event, "customerId", record);
            if (inbox.firstDelivery(CONSUMER, event)) {
                erasure.erase(id); // R24
            }
            return;
        }
        boolean registered = event.is(OrderEvents.CUSTOMER_REGISTERED);
        boolean namesOwner = namesOwner(event);
        if (!registered && !namesOwner || !inbox.firstDelivery(CONSUMER, event)) {
            return;
        }
        UUID id = uuid(event, "customerId", record);
        if (registered) {
            customers.registered(new CustomerDirectory.Registered(id, text(event, "name"), text(event, "phone"),
                    text(event, "email"), text(event, "type")));
        }
        if (namesOwner) {
            access.ownerNamed(id, text(event, OWNER)); // R22, R24: null or blank: nobody owns the customer now
        }
    }

    /** R24: the event carries the owner: an ownerManagerId member (null too), and for CustomerUpdated a changed one. */
    static boolean namesOwner(IncomingEvent event) {
        if (OWNER_NAMING.stream().noneMatch(event::is) || !event.data().has(OWNER)) {
            return false;
        }
        JsonNode changed = event.data().get("changedFields");
        if (changed == null || !changed.isArray()) {
            return !event.is(OrderEvents.CUSTOMER_UPDATED);
        }
        for (JsonNode field : changed) {
            if (OWNER.equals(field.asText())) {
                return true;
            }
        }
        return false;
    }

    private static UUID uuid(IncomingEvent event, String field, ConsumerRecord<String, String> record) {
        try {
            return UUID.fromString(event.requireText(field));
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(event.type() + " " + event.id() + ": " + field + " is not a UUID", record);
        }
    }

    private static String text(IncomingEvent event, String field) {
        var node = event.data().get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
