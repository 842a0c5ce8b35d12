package ru.parus.order;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import ru.parus.platform.outbox.OutboxConfig;
import ru.parus.platform.outbox.OutboxPruner;

/**
 * R24: sent outbox rows (payloads with recipients, phones, addresses) are deleted once they are older than
 * {@code parus.outbox.keep-sent}, by platform's scheduled {@link OutboxPruner}; younger sent rows and unsent rows
 * stay. The test application keeps sent rows 30 days and prunes every second in batches of 2 (application.properties).
 */
@QuarkusTest
class OutboxPruneTest {
    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    OutboxConfig config;
    @Inject
    OutboxPruner pruner;
    @Inject
    MeterRegistry registry;

    @Test
    void R24_sentRowsPastTheRetentionAreDeletedByTheScheduledPrunerYoungerAndUnsentOnesKept() throws Exception {
        String marker = "prune-test-" + UUID.randomUUID();
        Duration keep = config.keepSent();
        assertEquals(Duration.ofDays(30), keep, "the test profile's retention (application.properties)");
        // the relay is kept away meanwhile, so that the unsent row stays unsent while the pruner runs
        HeldRelayLock relayHeld = HeldRelayLock.take(em);
        try {
            double prunedBefore = pruned();
            OffsetDateTime now = OffsetDateTime.now(clock);
            int old = 5; // three batches of 2 in one run
            for (int i = 0; i < old; i++) {
                insert(marker, "old", now.minus(keep).minusHours(2), now.minus(keep).minusHours(1));
            }
            insert(marker, "young", now.minus(keep).minusHours(2), now.minus(keep).plusHours(1));
            insert(marker, "unsent", now.minus(keep).minusDays(3), null);

            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                    .until(() -> rows(marker, "old") == 0);
            assertEquals(1, rows(marker, "young"), "a sent row younger than the retention stays");
            assertEquals(1, rows(marker, "unsent"), "an unsent row stays however old it is");
            assertEquals(1, unsentRows(marker), "and stays unsent: the pruner never touches sent_at");
            assertEquals(prunedBefore + old, pruned(), 0.0, "parus_outbox_pruned_total counts the deleted rows");
            assertEquals(0, pruner.prune(), "nothing more to delete: the next run finds nothing");
            assertEquals(1, rows(marker, "young"));
            assertEquals(1, rows(marker, "unsent"));

            // replicas: two pruners at once split the rows (FOR UPDATE SKIP LOCKED) and together delete each once
            OffsetDateTime later = OffsetDateTime.now(clock);
            int more = 9;
            for (int i = 0; i < more; i++) {
                insert(marker, "old-2", later.minus(keep).minusHours(2), later.minus(keep).minusMinutes(10));
            }
            double beforeRace = pruned();
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Long>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(CompletableFuture.supplyAsync(() -> {
                    awaitLatch(go);
                    return pruner.prune();
                }));
            }
            go.countDown();
            long byBoth = 0;
            for (CompletableFuture<Long> run : runs) {
                byBoth += run.get(30, TimeUnit.SECONDS);
            }
            assertEquals(0, rows(marker, "old-2"), "every row past the retention is gone");
            assertTrue(byBoth <= more, "no row counted twice: " + byBoth);
            assertEquals(beforeRace + more, pruned(), 0.0, "each deleted row counted once, whichever run deleted it");
            assertEquals(1, rows(marker, "young"));
            assertEquals(1, rows(marker, "unsent"));
        } finally {
            // the test's rows are not events: they never reach the broker
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM outbox WHERE aggregate_id = ?1")
                    .setParameter(1, marker).executeUpdate());
            relayHeld.close(); // after the delete: the relay never sees the test's rows
        }
    }

    private void insert(String marker, String kind, OffsetDateTime occurredAt, OffsetDateTime sentAt) {
        QuarkusTransaction.requiringNew().run(() -> {
            var insert = em.createNativeQuery("INSERT INTO outbox (event_id, topic, aggregate_type, aggregate_id,"
                    + " event_type, payload, occurred_at, sent_at) VALUES (?1, 'order-events', 'PruneTest', ?2, ?3,"
                    + " '{\"recipient\":\"Ольга Иванова\",\"phone\":\"+79215551234\"}', ?4, "
                    + (sentAt == null ? "NULL" : "?5") + ")")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, marker).setParameter(3, "test." + kind)
                    .setParameter(4, occurredAt);
            if (sentAt != null) {
                insert.setParameter(5, sentAt);
            }
            insert.executeUpdate();
        });
    }

    private long rows(String marker, String kind) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM outbox WHERE aggregate_id = ?1 AND event_type = ?2")
                .setParameter(1, marker).setParameter(2, "test." + kind).getSingleResult()).longValue());
    }

    private long unsentRows(String marker) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM outbox WHERE aggregate_id = ?1 AND sent_at IS NULL")
                .setParameter(1, marker).getSingleResult()).longValue());
    }

    private double pruned() {
        var counter = registry.find("parus.outbox.pruned").counter();
        return counter == null ? 0 : counter.count();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out waiting");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
