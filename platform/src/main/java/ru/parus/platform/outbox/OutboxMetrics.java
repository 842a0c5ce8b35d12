package ru.parus.platform.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * What ops watch of the outbox (ops/prometheus/parus-alerts.yml): rows not yet published, the age of
 * the oldest one (an alert fires past 30 s), rows published and sent rows pruned after their retention
 * ({@link OutboxPruner}, R24). Sampled every few seconds, so a
 * scrape never waits on the database.
 */
@ApplicationScoped
public class OutboxMetrics {
    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry registry;

    private final AtomicLong unsentRows = new AtomicLong();
    private final AtomicLong oldestUnsentAgeSeconds = new AtomicLong();
    private Counter published;

    void register(@Observes StartupEvent event) {
        Gauge.builder("parus.outbox.unsent.rows", unsentRows, AtomicLong::get)
                .description("Outbox rows written but not yet acknowledged by the broker").register(registry);
        Gauge.builder("parus.outbox.oldest.unsent.age", oldestUnsentAgeSeconds, AtomicLong::get)
                .baseUnit("seconds").description("Age of the oldest unpublished outbox row").register(registry);
        published = Counter.builder("parus.outbox.published").description("Outbox rows published to Kafka")
                .register(registry);
        prunedCounter();
    }

    /** Registered at start-up (so the series exists at 0) and found again here: a prune may run before start-up ends. */
    private Counter prunedCounter() {
        return Counter.builder("parus.outbox.pruned")
                .description("Sent outbox rows deleted after parus.outbox.keep-sent (R24)").register(registry);
    }

    void pruned(int rows) {
        if (rows > 0) {
            prunedCounter().increment(rows);
        }
    }

    void published(int rows) {
        if (published != null) {
            published.increment(rows);
        }
    }

    /**
     * Rows published, and per event type: the business counters ops asked for (orders placed and confirmed,
     * discount requests, upsell offers, dormant customers fired, tasks created, messages sent and failed) are
     * the events that announce them, counted once each when the broker has them.
     */
    void published(List<String> eventTypes) {
        published(eventTypes.size());
        for (String type : eventTypes) {
            registry.counter("parus.events.published", "type", type).increment();
        }
    }

    @Scheduled(every = "${parus.outbox.metrics-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sample() {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "SELECT count(*), min(occurred_at) FROM outbox WHERE sent_at IS NULL").getSingleResult());
        unsentRows.set(((Number) row[0]).longValue());
        oldestUnsentAgeSeconds.set(row[1] == null ? 0
                : Math.max(0, Duration.between(toInstant(row[1]), clock.instant()).toSeconds()));
    }

    private static java.time.Instant toInstant(Object value) {
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.time.Instant instant) {
            return instant;
        }
        return ((Timestamp) value).toInstant();
    }
}
