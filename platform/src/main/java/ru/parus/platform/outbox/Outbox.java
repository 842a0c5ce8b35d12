package ru.parus.platform.outbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.parus.platform.events.EventType;

/**
 * Writes an event into the outbox table in the caller's transaction (ARCHITECTURE.md, transactional
 * outbox). Nothing is sent here: {@link OutboxRelay} publishes the row after the commit, so an event
 * is never seen for a rolled-back change and never lost for a committed one.
 */
@ApplicationScoped
public class Outbox {
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;
    @Inject
    Event<OutboxWritten> written;

    /**
     * @param topic         one topic per aggregate type, e.g. {@code order-events}
     * @param aggregateType e.g. {@code Order}
     * @param aggregateId   the Kafka key: one aggregate's events stay in order
     * @param payload       the event's data, serialised as JSON (camelCase)
     * @return the event id ({@code ce_id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String aggregateType, Object aggregateId, EventType type, Object payload) {
        OutboxMessage message = new OutboxMessage();
        message.eventId = UUID.randomUUID();
        message.topic = topic;
        message.aggregateType = aggregateType;
        message.aggregateId = String.valueOf(aggregateId);
        message.eventType = type.ceType();
        message.occurredAt = OffsetDateTime.now(clock);
        message.traceparent = TraceContext.currentTraceparent();
        try {
            message.payload = mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload is not serialisable: " + type, e);
        }
        em.persist(message);
        // observed after a successful commit: wakes the relay at once instead of at its next poll
        written.fire(new OutboxWritten(message.eventId));
        return message.eventId;
    }

    /** Fired inside the transaction; {@link OutboxRelay} observes it after the commit only. */
    public record OutboxWritten(UUID eventId) {
    }
}
