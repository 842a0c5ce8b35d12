package ru.parus.customer.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import ru.parus.customer.config.CustomerConfig;
import ru.parus.customer.event.CustomerEvents;
import ru.parus.platform.outbox.Outbox;

/**
 * R14: a customer with no orders for {@code parus.customer.dormant-after} (6 months) becomes dormant and
 * {@code CustomerDormant} is published, once per dormancy episode.
 *
 * <p>The scan is one SQL statement per batch: it selects the due customers, marks them dormant and
 * writes their outbox rows in the same transaction, so nothing loops over customers in Java. It is safe
 * with several replicas twice over: a transaction-scoped advisory lock lets one replica scan at a time,
 * and the conditional {@code UPDATE ... WHERE dormant_since IS NULL} on rows locked {@code FOR UPDATE
 * SKIP LOCKED} cannot mark a customer dormant twice in one episode. The same statement records the
 * episode on the customer's timeline (R6). The next order ends the episode
 * ({@link CustomerService#orderPlaced}).
 */
@ApplicationScoped
public class DormancyScanner {
    private static final Logger LOG = Logger.getLogger(DormancyScanner.class);
    /** Advisory lock key of the dormancy scan; differs from the outbox relay's. */
    static final long SCAN_LOCK = 0x646f726d616e74L; // "dormant"
    public static final String JOB = "dormancy-scan";

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
            ), published AS (
                INSERT INTO outbox (event_id, topic, aggregate_type, aggregate_id, event_type, payload, occurred_at)
                SELECT gen_random_uuid(), :topic, :aggregate, f.id::text, :eventType,
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
                           'dormantAfter', :dormantAfter)::text,
                       :now
                FROM fired f
                RETURNING aggregate_id, payload
            ), timeline AS (
                INSERT INTO customer_timeline (customer_id, occurred_at, kind, summary)
                SELECT CAST(aggregate_id AS uuid), :now, 'CustomerDormant', payload FROM published
            )
            SELECT payload FROM published""";

    @Inject
    EntityManager em;
    @Inject
    CustomerConfig config;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper mapper;
    @Inject
    Event<Outbox.OutboxWritten> outboxWritten;

    @Scheduled(identity = JOB, every = "${parus.customer.dormancy-scan-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        List<JsonNode> fired = scan();
        if (!fired.isEmpty()) {
            LOG.infof("dormancy scan: %d customers turned dormant", fired.size());
        }
    }

    /**
     * R14: marks every customer due as dormant and publishes their {@code CustomerDormant}; returns the
     * payloads published. Another replica scanning at the same moment makes this call return nothing.
     */
    public List<JsonNode> scan() {
        List<JsonNode> fired = new ArrayList<>();
        List<JsonNode> batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::scanBatch);
            fired.addAll(batch);
        } while (batch.size() >= config.dormancyScanBatch());
        return fired;
    }

    private List<JsonNode> scanBatch() {
        boolean alone = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, SCAN_LOCK).getSingleResult();
        if (!alone) {
            return List.of(); // another replica is scanning; its result is the same
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime threshold = now.minus(config.dormantAfter());
        @SuppressWarnings("unchecked")
        List<String> payloads = em.createNativeQuery(SCAN)
                .setParameter("threshold", threshold)
                .setParameter("batch", config.dormancyScanBatch())
                .setParameter("now", now)
                .setParameter("nowText", now.toString())
                .setParameter("topic", CustomerEvents.TOPIC)
                .setParameter("aggregate", CustomerEvents.AGGREGATE)
                .setParameter("eventType", CustomerEvents.DORMANT.ceType())
                .setParameter("dormantAfter", config.dormantAfter().toString())
                .getResultList();
        if (!payloads.isEmpty()) {
            // wakes the outbox relay right after this commit, as Outbox.publish does for single events
            outboxWritten.fire(new Outbox.OutboxWritten(null));
        }
        return payloads.stream().map(this::read).toList();
    }

    private JsonNode read(String payload) {
        try {
            return mapper.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dormancy scan wrote unreadable JSON", e);
        }
    }
}
