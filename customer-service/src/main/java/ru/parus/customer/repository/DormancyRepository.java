package ru.parus.customer.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import ru.parus.customer.event.CustomerEvents;
import ru.parus.platform.outbox.Outbox;
import ru.parus.platform.scan.ScanLock;
import ru.parus.platform.scan.ScanPacing;

/**
 * R14: the set-based dormancy scan, one statement per batch: it selects the due customers, marks them dormant,
 * writes their {@code CustomerDormant} outbox rows ({@link Outbox#publishAll}) and their timeline entries (R6).
 */
@ApplicationScoped
public class DormancyRepository {
    /** Advisory lock key of the dormancy scan; differs from the outbox relay's. */
    static final long SCAN_LOCK = 0x646f726d616e74L; // "dormant"

    private static final String SCAN = """
            WITH due AS (
                SELECT id FROM customer
                WHERE dormant_since IS NULL AND merged_into IS NULL AND active_at <= :threshold
                  AND erased_at IS NULL -- R24: nobody calls an erased customer
                ORDER BY active_at
                LIMIT :batch
                FOR UPDATE SKIP LOCKED
            ), fired AS (
                UPDATE customer c
                SET dormant_since = :now, dormancy_episode = c.dormancy_episode + 1, version = c.version + 1
                FROM due
                WHERE c.id = due.id AND c.dormant_since IS NULL
                RETURNING c.id, c.dormancy_episode, c.active_at, c.last_order_at, c.order_count,
                          c.lifetime_value_kopecks, c.owner_manager_id, c.type
            ), dormant AS (
                SELECT f.id::text AS aggregate_id,
                       json_build_object(
                           'customerId', f.id,
                           'episode', f.dormancy_episode,
                           'dormantSince', :nowText,
                           'inactiveSince', to_char(f.active_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                           'lastOrderAt', to_char(f.last_order_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                           'orderCount', f.order_count,
                           'lifetimeValueKopecks', f.lifetime_value_kopecks,
                           'currency', 'RUB',
                           'customerType', f.type,
                           'ownerManagerId', f.owner_manager_id,
                           'dormantAfter', :dormantAfter)::text AS payload
                FROM fired f
            ), {published}, timeline AS (
                INSERT INTO customer_timeline (customer_id, occurred_at, kind, summary)
                SELECT CAST(aggregate_id AS uuid), :now, 'CustomerDormant', payload FROM published
            )
            SELECT payload FROM published""";

    /** The scan's WHERE without its threshold: the customer whose dormancy falls due first. */
    private static final String OLDEST_ACTIVITY = """
            SELECT min(active_at) FROM customer
            WHERE dormant_since IS NULL AND merged_into IS NULL AND erased_at IS NULL""";

    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;

    /** One replica scans at a time: false when another holds the scan's lock (until its transaction ends). */
    public boolean tryScanLock() {
        return ScanLock.tryAcquire(em, SCAN_LOCK);
    }

    /** When the least recently active customer not dormant was last active; NOTHING_WAITING when there is none. */
    public Instant oldestActivity() {
        return ScanPacing.earliest(em, OLDEST_ACTIVITY);
    }

    /**
     * Marks up to {@code batch} customers inactive since {@code threshold} dormant at {@code now}, once per episode
     * (the conditional UPDATE on rows locked {@code FOR UPDATE SKIP LOCKED}); returns the published payloads.
     */
    @SuppressWarnings("unchecked")
    public List<String> markDormant(OffsetDateTime threshold, OffsetDateTime now, int batch, Period dormantAfter) {
        return outbox.publishAll(SCAN, "dormant", CustomerEvents.TOPIC, CustomerEvents.AGGREGATE,
                        CustomerEvents.DORMANT)
                .setParameter("threshold", threshold)
                .setParameter("batch", batch)
                .setParameter("now", now)
                .setParameter("nowText", now.toString())
                .setParameter("dormantAfter", dormantAfter.toString())
                .getResultList();
    }
}
