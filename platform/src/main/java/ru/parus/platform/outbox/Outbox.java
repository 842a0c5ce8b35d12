package ru.parus.platform.outbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
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
    /** Where {@link #publishAll}'s statement takes the outbox insert. */
    public static final String PUBLISHED = "{published}";

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
        OutboxMessage message = message(topic, aggregateType, aggregateId, type, payload);
        em.persist(message);
        // observed after a successful commit: wakes the relay at once instead of at its next poll
        written.fire(new OutboxWritten(message.eventId));
        return message.eventId;
    }

    /**
     * The outbox row {@link #publish} writes, not written: for a writer outside Hibernate's transactions (order-service's
     * reactive placement), which inserts it with {@link OutboxMessage#INSERT} in its own transaction and wakes the
     * relay after its commit ({@link OutboxRelayTrigger#wake}).
     */
    public OutboxMessage message(String topic, String aggregateType, Object aggregateId, EventType type,
            Object payload) {
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
        return message;
    }

    /**
     * Set-based publishing, for scans that fire many events in one statement (R14's dormancy, R15's unpaid orders).
     * {@code statement} is the caller's SQL with {@code {published}} where the outbox insert goes, as one CTE named
     * {@code published}: it takes {@code aggregate_id} (text) and {@code payload} (JSON text) from the caller's CTE
     * {@code source} and returns both, so later CTEs and the final SELECT can use them. The outbox's own parameters
     * (topic, aggregate type, event type, time, the caller's trace) are bound here; the caller binds its own and runs
     * the query in its transaction. The relay wakes after the commit, as for {@link #publish}.
     *
     * @return the query, ready for the caller's parameters
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Query publishAll(String statement, String source, String topic, String aggregateType, EventType type) {
        if (!statement.contains(PUBLISHED)) {
            throw new IllegalArgumentException("the statement has no " + PUBLISHED + " for the outbox insert");
        }
        String insert = """
                published AS (
                    INSERT INTO outbox (event_id, topic, aggregate_type, aggregate_id, event_type, payload, occurred_at,
                                        traceparent)
                    SELECT gen_random_uuid(), :outboxTopic, :outboxAggregateType, s.aggregate_id, :outboxEventType,
                           s.payload, :outboxOccurredAt, CAST(:outboxTraceparent AS varchar)
                    FROM %s s
                    RETURNING aggregate_id, payload
                )""".formatted(source);
        Query query = em.createNativeQuery(statement.replace(PUBLISHED, insert))
                .setParameter("outboxTopic", topic)
                .setParameter("outboxAggregateType", aggregateType)
                .setParameter("outboxEventType", type.ceType())
                .setParameter("outboxOccurredAt", OffsetDateTime.now(clock))
                .setParameter("outboxTraceparent", TraceContext.currentTraceparent());
        written.fire(new OutboxWritten(null));
        return query;
    }

    /** Fired inside the transaction; {@link OutboxRelay} observes it after the commit only. eventId is null for {@link #publishAll}. */
    public record OutboxWritten(UUID eventId) {
    }
}
