package ru.parus.customer.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.parus.customer.event.CustomerEvents;
import ru.parus.platform.events.EventType;
import ru.parus.platform.outbox.Outbox;

/**
 * R6: nothing done with a customer goes unrecorded. Each customer event is written to the outbox and
 * to the customer's timeline in the same transaction; orders come from order-events.
 */
@ApplicationScoped
public class Timeline {
    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;

    /** Named for the OpenAPI document: AccessLog has an Entry too. */
    @Schema(name = "TimelineEntry", description = "One event of the customer's timeline (R6)")
    public record Entry(OffsetDateTime occurredAt, String kind, JsonNode summary) {
    }

    /** Publishes a customer event (outbox) and records it on the customer's timeline (R6). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(UUID customerId, EventType type, Object payload) {
        outbox.publish(CustomerEvents.TOPIC, CustomerEvents.AGGREGATE, customerId, type, payload);
        record(customerId, OffsetDateTime.now(clock), type.name(), payload);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID customerId, OffsetDateTime at, String kind, Object summary) {
        String json;
        try {
            json = mapper.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("timeline summary is not serialisable: " + kind, e);
        }
        em.createNativeQuery("INSERT INTO customer_timeline (customer_id, occurred_at, kind, summary) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, customerId).setParameter(2, at).setParameter(3, kind).setParameter(4, json)
                .executeUpdate();
    }

    /** Newest first; the ids are the customer and those merged into it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<Entry> page(List<UUID> customerIds, int page, int size) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT occurred_at, kind, summary FROM customer_timeline
                WHERE customer_id IN (?1) ORDER BY occurred_at DESC, id DESC OFFSET ?2 LIMIT ?3""")
                .setParameter(1, customerIds).setParameter(2, (long) page * size).setParameter(3, size)
                .getResultList();
        return rows.stream().map(r -> new Entry(toOffset(r[0]), (String) r[1], read((String) r[2]))).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(List<UUID> customerIds) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM customer_timeline WHERE customer_id IN (?1)")
                .setParameter(1, customerIds).getSingleResult()).longValue();
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
