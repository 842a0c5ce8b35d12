package ru.parus.customer.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.parus.platform.paging.PageRequest;

/**
 * R6: the customers' timelines ({@code customer_timeline}), the orders' customers as the events told them
 * ({@code order_customer}) and the shipment events parked until their order's customer is known
 * ({@code timeline_pending}, see V12).
 */
@ApplicationScoped
public class TimelineRepository {
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper mapper;

    /** Named for the OpenAPI document: AccessLog has an Entry too. */
    @Schema(name = "TimelineEntry", description = "One event of the customer's timeline (R6)")
    public record Entry(OffsetDateTime occurredAt, String kind, JsonNode summary) {
    }

    /** @param summary JSON text */
    public void insert(UUID customerId, OffsetDateTime at, String kind, String summary) {
        em.createNativeQuery("INSERT INTO customer_timeline (customer_id, occurred_at, kind, summary) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, customerId).setParameter(2, at).setParameter(3, kind).setParameter(4, summary)
                .executeUpdate();
    }

    /** Newest first; the ids are the customer and those merged into it. */
    @SuppressWarnings("unchecked")
    public List<Entry> page(List<UUID> customerIds, PageRequest page) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT occurred_at, kind, summary FROM customer_timeline
                WHERE customer_id IN (?1) ORDER BY occurred_at DESC, id DESC OFFSET ?2 LIMIT ?3""")
                .setParameter(1, customerIds).setParameter(2, page.offset()).setParameter(3, page.size())
                .getResultList();
        return rows.stream().map(r -> new Entry(Rows.offsetDateTime(r[0]), (String) r[1], read((String) r[2]))).toList();
    }

    public long count(List<UUID> customerIds) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM customer_timeline WHERE customer_id IN (?1)")
                .setParameter(1, customerIds).getSingleResult()).longValue();
    }

    /** An entry of an order whose customer is not known yet; {@code summary} is JSON text. */
    public void park(UUID orderId, OffsetDateTime occurredAt, String kind, String summary, OffsetDateTime parkedAt) {
        em.createNativeQuery("""
                INSERT INTO timeline_pending (order_id, occurred_at, kind, summary, parked_at)
                VALUES (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, orderId).setParameter(2, occurredAt)
                .setParameter(3, kind).setParameter(4, summary)
                .setParameter(5, parkedAt).executeUpdate();
    }

    /**
     * The order belongs to the customer unless another was told first. True when this call told it: the row is new,
     * or it was the placeholder of an order whose shipment events were parked (whose entries are to be moved now);
     * false when the order's customer was known already (the usual case for every order event after the first: one
     * statement, nothing else to do). Takes the row lock a parking shipment event takes too (see V12): one of the two
     * waits for the other.
     */
    public boolean orderBelongsTo(UUID orderId, UUID customerId) {
        return !em.createNativeQuery("""
                INSERT INTO order_customer (order_id, customer_id) VALUES (?1, ?2)
                ON CONFLICT (order_id) DO UPDATE SET customer_id = EXCLUDED.customer_id
                WHERE order_customer.customer_id IS NULL
                RETURNING order_id""")
                .setParameter(1, orderId).setParameter(2, customerId).getResultList().isEmpty();
    }

    /** An entry parked until its order's customer was known; {@code summary} is JSON text. */
    public record Parked(OffsetDateTime occurredAt, String kind, String summary) {
    }

    /**
     * Takes the entries parked for the order, in the order they came. Usually none: this is one statement then, and
     * the caller need not find whose timeline they go on.
     */
    public List<Parked> unpark(UUID orderId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                DELETE FROM timeline_pending WHERE order_id = ?1 RETURNING id, occurred_at, kind, summary""")
                .setParameter(1, orderId).getResultList();
        return rows.stream().sorted(java.util.Comparator.comparingLong(r -> ((Number) r[0]).longValue()))
                .map(r -> new Parked(Rows.offsetDateTime(r[1]), (String) r[2], (String) r[3])).toList();
    }

    /** The order's customer, or null; locks the order's row (a placeholder when unknown) until the commit. */
    public UUID customerOfOrder(UUID orderId) {
        em.createNativeQuery("INSERT INTO order_customer (order_id) VALUES (?1) ON CONFLICT (order_id) DO NOTHING")
                .setParameter(1, orderId).executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT customer_id FROM order_customer WHERE order_id = ?1 FOR UPDATE")
                .setParameter(1, orderId).getResultList();
        return rows.isEmpty() ? null : (UUID) rows.get(0);
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
