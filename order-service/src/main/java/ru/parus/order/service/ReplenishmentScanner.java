package ru.parus.order.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import ru.parus.order.config.ReplenishmentConfig;
import ru.parus.order.repository.ReplenishmentRepository;
import ru.parus.platform.scan.ScanPacing;

/**
 * R25: publishes ReplenishmentDue once per order line whose due time ({@link ReplenishmentPlanner}) has come, or marks
 * the line suppressed: the order was cancelled or returned, the customer was erased, has ordered the family again
 * since (an order not cancelled), or has no channel with consent. Either way the line is never looked at again.
 *
 * <p>Set-based like {@link PaymentOverdueScanner}: one statement per batch of {@code parus.replenishment.batch-size}
 * lines ({@link ReplenishmentRepository#SCAN}) claims, judges and writes the outbox rows, read through the partial
 * index of the lines still waiting ({@code order_line_replenish_due}); a pass repeats batches, each its own
 * transaction, until fewer than a batch were due. Safe with several replicas: the advisory lock lets one replica
 * scan at a time, and a scan that got past it anyway skips the lines another has locked and re-checks
 * {@code replenish_sent_at IS NULL} in its claim. Between due times the scheduled ticks skip the database
 * ({@link ScanPacing}).
 */
@ApplicationScoped
public class ReplenishmentScanner {
    @Inject
    ReplenishmentRepository lines;
    @Inject
    ReplenishmentConfig config;
    @Inject
    Clock clock;
    @Inject
    ScanPacing pacing;

    @Scheduled(every = "${parus.replenishment.scan-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "replenishment-scan", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        pacing.run("replenishment-scan", () -> {
            scan();
            return QuarkusTransaction.requiringNew().call(lines::firstDue);
        });
    }

    /** R25: one pass; returns how many ReplenishmentDue events it published (0 when another replica scans now). */
    public int scan() {
        int published = 0;
        while (true) {
            ReplenishmentRepository.Batch batch = QuarkusTransaction.requiringNew()
                    .call(() -> lines.tryScanLock() ? claimAndPublish() : null);
            if (batch == null) {
                return published; // another replica is scanning now
            }
            published += batch.published();
            if (batch.judged() < config.batchSize()) {
                return published;
            }
        }
    }

    /**
     * R25 without the advisory lock, in the caller's transaction: one batch of the lines due now. Two of these at once
     * still judge each line once; public so that a test can prove it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReplenishmentRepository.Batch claimAndPublish() {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return lines.claimAndPublish(now, config.batchSize());
    }
}
