package ru.parus.order.service;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import ru.parus.order.config.OrderConfig;
import ru.parus.order.repository.PaymentOverdueRepository;
import ru.parus.platform.scan.ScanPacing;

/**
 * R15: an ONLINE order still unpaid {@code parus.order.payment-overdue-after} (2 days) after placement
 * publishes OrderPaymentOverdue once.
 *
 * <p>The scan is one SQL statement ({@link PaymentOverdueRepository}), set-based end to end (issue 8: 10,000 orders
 * crossing the threshold at once over a million orders): the conditional
 * {@code UPDATE ... WHERE overdue_published_at IS NULL ... RETURNING} claims the orders, {@code Outbox.publishAll}
 * writes their outbox rows and one {@code INSERT ... SELECT} their history rows (R6), all in one transaction;
 * nothing loops over orders in Java. The same approach as customer-service's {@code DormancyScanner}.
 *
 * <p>Safe with several replicas twice over: a transaction-scoped advisory lock lets one replica scan at a time, and
 * a replica that got past it anyway could not claim an order twice: a concurrent {@code UPDATE} waits for the
 * first one's row locks and re-checks {@code overdue_published_at IS NULL} after its commit, and only claimed
 * rows get an outbox row.
 *
 * <p>Between due times the scheduled ticks skip the database ({@link ScanPacing}): after a scan it knows when the first
 * unpaid order falls due.
 */
@ApplicationScoped
public class PaymentOverdueScanner {
    /** Advisory lock key of this scan, unique in the orders database ("overdue"). */
    public static final long SCAN_LOCK = PaymentOverdueRepository.SCAN_LOCK;

    @Inject
    PaymentOverdueRepository overdue;
    @Inject
    OrderConfig config;
    @Inject
    Clock clock;
    @Inject
    ScanPacing pacing;

    @Scheduled(every = "${parus.order.payment-overdue-scan-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "payment-overdue-scan", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        pacing.run("payment-overdue-scan", () -> {
            scan();
            Instant first = QuarkusTransaction.requiringNew().call(overdue::firstUnpaidPlacedAt);
            return ScanPacing.after(first, config.paymentOverdueAfter());
        });
    }

    /** R15: publishes OrderPaymentOverdue for every order that became overdue; returns how many. */
    @Transactional
    public int scan() {
        if (!overdue.tryScanLock()) {
            return 0; // another replica is scanning now
        }
        return claimAndPublish();
    }

    /**
     * R15 without the advisory lock, in the caller's transaction: claims the orders due and writes their outbox and
     * history rows. Two of these running at once still publish each order once (the conditional claim); public so
     * that a test can prove it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int claimAndPublish() {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return overdue.claimAndPublish(now, config.paymentOverdueAfter(), "payment-overdue-scan",
                "R15: unpaid " + config.paymentOverdueAfter() + " after placement; OrderPaymentOverdue published");
    }
}
