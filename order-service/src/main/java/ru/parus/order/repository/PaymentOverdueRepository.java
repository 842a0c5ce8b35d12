package ru.parus.order.repository;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import ru.parus.order.domain.OrderHistoryEntry;
import ru.parus.order.event.OrderEvents;
import ru.parus.platform.outbox.Outbox;
import ru.parus.platform.scan.ScanLock;
import ru.parus.platform.scan.ScanPacing;

/**
 * R15's set-based scan ({@link ru.parus.order.service.PaymentOverdueScanner}): one statement claims the ONLINE orders
 * unpaid since the threshold, writes their OrderPaymentOverdue outbox rows ({@link Outbox#publishAll}, the payload
 * built by {@code jsonb_build_object}, docs/events/OrderPaymentOverdue.v1.schema.json,
 * {@link ru.parus.order.event.OrderPaymentOverdue}) and their history rows (R6).
 */
@ApplicationScoped
public class PaymentOverdueRepository {
    /** Advisory lock key of this scan, unique in the orders database ("overdue"). */
    public static final long SCAN_LOCK = 0x6f76657264756510L;

    /** RFC 3339 in UTC with microseconds, as PostgreSQL's {@code timestamptz} holds them. */
    private static final String UTC = "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'";

    /**
     * R15 in one statement. The payload's {@code payableKopecks} is the order's stored {@code payable_kopecks}, which
     * the entity keeps equal to {@code Order.payableKopecks()} (R9, R10, R11: the one definition, issue 18); no SQL here
     * computes it.
     */
    static final String SCAN = """
            WITH claimed AS (
                UPDATE customer_order SET overdue_published_at = :now
                WHERE payment_method = 'ONLINE' AND paid_at IS NULL AND overdue_published_at IS NULL
                  AND status IN ('NEW', 'AWAITING_PAYMENT') AND placed_at <= :threshold
                RETURNING id, customer_id, manager_id, channel, placed_at, currency, payable_kopecks
            ), overdue AS (
                SELECT CAST(p.id AS text) AS aggregate_id,
                       CAST(jsonb_build_object(
                           'orderId', p.id,
                           'customerId', p.customer_id,
                           'managerId', p.manager_id,
                           'channel', p.channel,
                           'placedAt', to_char(p.placed_at AT TIME ZONE 'UTC', %1$s),
                           'overdueSince', to_char((p.placed_at + make_interval(secs => :afterSeconds)) AT TIME ZONE 'UTC', %1$s),
                           'payableKopecks', p.payable_kopecks,
                           'currency', p.currency,
                           'paymentLink', CAST(NULL AS text)) AS text) AS payload
                FROM claimed p
                ORDER BY p.placed_at, p.id
            ), %2$s, history AS (
                INSERT INTO order_history (order_id, at, actor, kind, reason)
                SELECT p.id, :now, :actor, :kind, :reason FROM claimed p
            )
            SELECT count(*) FROM published""".formatted(UTC, Outbox.PUBLISHED);

    /** The scan's WHERE without its threshold, read through the same partial index: the first order to fall due. */
    private static final String FIRST_UNPAID = """
            SELECT min(placed_at) FROM customer_order
            WHERE payment_method = 'ONLINE' AND paid_at IS NULL AND overdue_published_at IS NULL
              AND status IN ('NEW', 'AWAITING_PAYMENT')""";

    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;

    /** One replica scans at a time: false when another holds the scan's lock (until its transaction ends). */
    public boolean tryScanLock() {
        return ScanLock.tryAcquire(em, SCAN_LOCK);
    }

    /** When the first order still unpaid was placed; {@code ScanPacing.NOTHING_WAITING} when none is. */
    public Instant firstUnpaidPlacedAt() {
        return ScanPacing.earliest(em, FIRST_UNPAID);
    }

    /**
     * Claims the orders placed at or before {@code now - after} and still unpaid, writes their outbox and history
     * rows at {@code now}; returns how many. Two of these at once still publish each order once (the conditional
     * claim).
     */
    public int claimAndPublish(OffsetDateTime now, Duration after, String actor, String reason) {
        return ((Number) outbox.publishAll(SCAN, "overdue", OrderEvents.TOPIC, OrderEvents.AGGREGATE,
                        OrderEvents.PAYMENT_OVERDUE)
                .setParameter("now", now)
                .setParameter("threshold", now.minus(after))
                .setParameter("afterSeconds", after.toNanos() / 1e9)
                .setParameter("actor", actor)
                .setParameter("kind", OrderHistoryEntry.Kind.PAYMENT_OVERDUE.name())
                .setParameter("reason", reason)
                .getSingleResult()).intValue();
    }
}
