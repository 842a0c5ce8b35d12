package ru.parus.platform.outbox;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * R24: deletes outbox rows the broker acknowledged more than {@code parus.outbox.keep-sent} ago. Their payloads carry
 * recipients, phones, addresses and buyers' contacts that a customer's erasure does not blank, and without this the
 * table grows forever. Nothing reads a sent row: consumers deduplicate by their own inbox, a replay comes from Kafka.
 *
 * <p>Runs every {@code parus.outbox.prune-interval} in every replica, without a lock of its own: deleting rows past the
 * retention is idempotent, and each batch takes its rows {@code FOR UPDATE SKIP LOCKED}, so two replicas split the
 * work instead of waiting on each other. A batch is one short transaction of at most {@code parus.outbox.prune-batch-size}
 * rows, oldest first, through the index on {@code sent_at} (platform migration V1_3): with nothing to delete a run is
 * one index probe. Unsent rows ({@code sent_at IS NULL}) never match. The cut-off comes from the injected Clock, the
 * one the relay writes {@code sent_at} with.
 */
@ApplicationScoped
public class OutboxPruner {
    private static final Logger LOG = Logger.getLogger(OutboxPruner.class);

    @Inject
    EntityManager em;
    @Inject
    OutboxConfig config;
    @Inject
    Clock clock;
    @Inject
    OutboxMetrics metrics;

    @Scheduled(every = "${parus.outbox.prune-interval:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            long deleted = prune();
            if (deleted > 0) {
                LOG.debugf("outbox pruner: %d sent rows older than %s deleted", deleted, config.keepSent());
            }
        } catch (RuntimeException e) {
            LOG.warnf("outbox pruner: sent rows not deleted, retrying at the next run: %s", e.toString());
        }
    }

    /** Deletes the sent rows past the retention, batch by batch, until a batch comes back short; returns how many. */
    public long prune() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(config.keepSent());
        int batchSize = config.pruneBatchSize();
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "DELETE FROM outbox WHERE seq IN (SELECT seq FROM outbox WHERE sent_at < ?1"
                            + " ORDER BY sent_at LIMIT ?2 FOR UPDATE SKIP LOCKED)")
                    .setParameter(1, cutoff).setParameter(2, batchSize).executeUpdate());
            metrics.pruned(deleted);
            total += deleted;
        } while (deleted >= batchSize);
        return total;
    }
}
