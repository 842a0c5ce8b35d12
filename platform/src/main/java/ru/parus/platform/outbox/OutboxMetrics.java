package ru.parus.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * What ops watch of the outbox (ops/prometheus/parus-alerts.yml): rows not yet published, the age of
 * the oldest one (an alert fires past 30 s), rows published and sent rows pruned after their retention
 * ({@link OutboxPruner}, R24).
 *
 * <p>The two outbox gauges are read when they are scraped (Prometheus scrapes on a worker thread), one query for both
 * within a second, so an idle service nobody scrapes queries nothing (issue 15: the 5 s sampler was a fifth of an
 * idle service's CPU). The query reads the partial index of unsent rows, plain JDBC in autocommit.
 */
@ApplicationScoped
public class OutboxMetrics {
    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);
    private static final String UNSENT = "SELECT count(*), min(occurred_at) FROM outbox WHERE sent_at IS NULL";
    /** Both gauges of one scrape are answered by one query. */
    private static final long FRESH_NANOS = 1_000_000_000L;

    @Inject
    DataSource dataSource;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry registry;

    private Counter published;
    private Unsent unsent = new Unsent(0, 0, System.nanoTime() - FRESH_NANOS);

    private record Unsent(double rows, double oldestAgeSeconds, long readAtNanos) {
    }

    void register(@Observes StartupEvent event) {
        Gauge.builder("parus.outbox.unsent.rows", this, m -> m.unsent().rows())
                .description("Outbox rows written but not yet acknowledged by the broker").register(registry);
        Gauge.builder("parus.outbox.oldest.unsent.age", this, m -> m.unsent().oldestAgeSeconds())
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

    /** The last reading when it is under a second old, else a new one; NaN when the database cannot answer. */
    synchronized Unsent unsent() {
        if (System.nanoTime() - unsent.readAtNanos() < FRESH_NANOS) {
            return unsent;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(UNSENT);
                ResultSet row = query.executeQuery()) {
            row.next();
            OffsetDateTime oldest = row.getObject(2, OffsetDateTime.class);
            long age = oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toSeconds());
            unsent = new Unsent(row.getLong(1), age, System.nanoTime());
        } catch (SQLException e) {
            // the scrape goes on with NaN for these two; the readiness check says why
            LOG.debugf("outbox gauges not read: %s", e.toString());
            unsent = new Unsent(Double.NaN, Double.NaN, System.nanoTime());
        }
        return unsent;
    }
}
