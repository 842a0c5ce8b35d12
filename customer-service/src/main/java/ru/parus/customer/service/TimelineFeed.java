package ru.parus.customer.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.parus.customer.event.TimelineEvents;
import ru.parus.customer.repository.CustomerRepository;
import ru.parus.customer.repository.TimelineRepository;
import ru.parus.platform.events.IncomingEvent;
import ru.parus.platform.events.PoisonEventException;

/**
 * R6: nothing done with a customer goes unrecorded. The other services' events (order status changes, calls,
 * tasks, escalations, complaints, messages, shipments) become entries of the customer's timeline as they arrive,
 * so the timeline is ready before a manager picks up the phone. Shipment events name their order only: the
 * order's customer comes from {@code order_customer} (learnt from OrderPlaced and the other order events); an
 * event whose order is not known yet is parked in {@code timeline_pending} and recorded when the order's
 * customer becomes known. Entries go to the customer the id resolves to (a merged id to its survivor).
 */
@ApplicationScoped
public class TimelineFeed {
    @Inject
    TimelineRepository entries;
    @Inject
    CustomerRepository customers;
    @Inject
    Timeline timeline;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;

    /** What one event puts on a timeline. customerId null: to be found through orderId. */
    public record Fact(TimelineEvents.Kind kind, UUID customerId, UUID orderId, OffsetDateTime occurredAt,
            ObjectNode summary) {
    }

    /**
     * Reads an event of one of {@code kinds}: empty when its type does not go on the timeline or it concerns no
     * customer; a {@link PoisonEventException} (to the dead-letter topic) when it lacks its time, an id is not a
     * UUID, or a shipment event names neither customer nor order.
     */
    public Optional<Fact> read(List<TimelineEvents.Kind> kinds, IncomingEvent event) {
        Optional<TimelineEvents.Kind> found = TimelineEvents.find(kinds, event.type());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        TimelineEvents.Kind kind = found.get();
        JsonNode data = event.data();
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(event.requireText(kind.timeField()));
        } catch (DateTimeParseException e) {
            throw new PoisonEventException(event.type() + " " + event.id() + ": " + kind.timeField()
                    + " is not a date-time", null);
        }
        UUID customerId = uuid(event, "customerId");
        UUID orderId = uuid(event, "orderId");
        if (customerId == null && (kind.subject() == TimelineEvents.Subject.CUSTOMER)) {
            return Optional.empty(); // e.g. a call from an unknown number, a task about no customer
        }
        if (customerId == null && orderId == null) {
            throw new PoisonEventException(event.type() + " " + event.id() + " lacks orderId", null);
        }
        ObjectNode summary = mapper.createObjectNode();
        for (String field : kind.fields()) {
            JsonNode value = data.at("/" + field.replace('.', '/'));
            if (!value.isMissingNode() && value.isValueNode()) { // objects and arrays never: they may hold personal data
                summary.set(camel(field), value);
            }
        }
        return Optional.of(new Fact(kind, customerId, orderId, at, summary));
    }

    /** R6: records the fact on its customer's timeline, or parks it until its order's customer is known. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Fact fact) {
        UUID customerId = fact.customerId();
        if (customerId != null && fact.orderId() != null && fact.kind().learnsOrder()) {
            orderBelongsTo(fact.orderId(), customerId);
        }
        if (customerId == null) {
            customerId = entries.customerOfOrder(fact.orderId()); // locks the order's row until the commit
            if (customerId == null) {
                entries.park(fact.orderId(), fact.occurredAt(), fact.kind().name(), json(fact.summary()),
                        OffsetDateTime.now(clock));
                return;
            }
        }
        timeline.record(survivor(customerId), fact.occurredAt(), fact.kind().name(), fact.summary());
    }

    /**
     * The order belongs to the customer (OrderPlaced and the order events say so; the first to tell wins):
     * shipment events parked for it go on that customer's timeline now, in this transaction. Only the first teller
     * can find entries parked: once the order's customer is known, a shipment event is recorded at once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void orderBelongsTo(UUID orderId, UUID customerId) {
        // takes the row lock a parking shipment event takes too (see V12): one of the two waits for the other
        if (entries.orderBelongsTo(orderId, customerId)) {
            List<TimelineRepository.Parked> parked = entries.unpark(orderId);
            if (!parked.isEmpty()) {
                UUID to = survivor(customerId);
                parked.forEach(p -> entries.insert(to, p.occurredAt(), p.kind(), p.summary()));
            }
        }
    }

    /** A merged id resolves to the customer it was merged into (and on); an id this service does not know stays. */
    UUID survivor(UUID customerId) {
        return customers.survivor(customerId);
    }

    private static UUID uuid(IncomingEvent event, String field) {
        JsonNode node = event.data().get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return UUID.fromString(node.asText());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(event.type() + " " + event.id() + ": " + field + " is not a UUID", null);
        }
    }

    /** {@code carrier.code} -> {@code carrierCode} */
    private static String camel(String path) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            return path;
        }
        String rest = path.substring(dot + 1);
        return path.substring(0, dot) + Character.toUpperCase(rest.charAt(0)) + camel(rest.substring(1));
    }

    private String json(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
