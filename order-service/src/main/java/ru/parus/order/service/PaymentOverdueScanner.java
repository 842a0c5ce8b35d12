package ru.parus.order.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;
import ru.parus.order.config.OrderConfig;
import ru.parus.order.domain.OrderHistoryEntry;
import ru.parus.order.event.OrderEvents;
import ru.parus.platform.outbox.Outbox;
import ru.parus.platform.outbox.TraceContext;

/**
 * R15: an ONLINE order still unpaid {@code parus.order.payment-overdue-after} (2 days) after placement
 * publishes OrderPaymentOverdue once.
 *
 * <p>The scan is one SQL statement, set-based end to end (issue 8: 10,000 orders crossing the threshold at once
 * over a million orders): the conditional {@code UPDATE ... WHERE overdue_published_at IS NULL ... RETURNING}
 * claims the orders, one {@code INSERT ... SELECT} writes their outbox rows (the payload built by
 * {@code jsonb_build_object}, docs/events/OrderPaymentOverdue.v1.schema.json, {@link ru.parus.order.event.OrderPaymentOverdue})
 * and one {@code INSERT ... SELECT} their history rows (R6), all in one transaction; nothing loops over orders in
 * Java. The same approach as customer-service's {@code DormancyScanner}.
 *
 * <p>Safe with several replicas twice over: a transaction-scoped advisory lock lets one replica scan at a time, and
 * a replica that got past it anyway could not claim an order twice: a concurrent {@code UPDATE} waits for the
 * first one's row locks and re-checks {@code overdue_published_at IS NULL} after its commit, and only claimed
 * rows get an outbox row.
 */
@ApplicationScoped
public class PaymentOverdueScanner {
    /** Advisory lock key of this scan, unique in the orders database ("overdue"). */
    public static final long SCAN_LOCK = 0x6f76657264756510L;

    /** RFC 3339 in UTC with microseconds, as PostgreSQL's {@code timestamptz} holds them. */
    private static final String UTC = "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'";

    /**
     * R15 in one statement. {@code payable} repeats {@code Order.payableKopecks()} (R9, R10, R11): the items total
     * minus the larger of the manager's discount (percent, half-up, at most the total) and the promo code's
     * (percent half-up, or the fixed amount up to the total), minus bonus points, never below 0; the test
     * {@code R15_overduePayableIsWhatTheOrderSaysWithDiscountPromoAndBonus} holds the two together.
     */
    static final String SCAN = """
            WITH claimed AS (
                UPDATE customer_order SET overdue_published_at = :now
                WHERE payment_method = 'ONLINE' AND paid_at IS NULL AND overdue_published_at IS NULL
                  AND status IN ('NEW', 'AWAITING_PAYMENT') AND placed_at <= :threshold
                RETURNING id, customer_id, manager_id, channel, placed_at, currency, total_kopecks,
                          discount_percent, promo_percent, promo_amount_kopecks, bonus_points
            ), priced AS (
                SELECT c.id, c.customer_id, c.manager_id, c.channel, c.placed_at, c.currency,
                       GREATEST(0, c.total_kopecks - GREATEST(
                           LEAST(CAST(ROUND(c.total_kopecks * c.discount_percent / 100) AS bigint), c.total_kopecks),
                           CASE WHEN c.promo_percent IS NOT NULL
                                THEN LEAST(CAST(ROUND(c.total_kopecks * c.promo_percent / 100) AS bigint), c.total_kopecks)
                                WHEN c.promo_amount_kopecks IS NOT NULL THEN LEAST(c.promo_amount_kopecks, c.total_kopecks)
                                ELSE 0 END)
                         - c.bonus_points) AS payable
                FROM claimed c
            ), published AS (
                INSERT INTO outbox (event_id, topic, aggregate_type, aggregate_id, event_type, payload, occurred_at, traceparent)
                SELECT gen_random_uuid(), :topic, :aggregate, CAST(p.id AS text), :eventType,
                       CAST(jsonb_build_object(
                           'orderId', p.id,
                           'customerId', p.customer_id,
                           'managerId', p.manager_id,
                           'channel', p.channel,
                           'placedAt', to_char(p.placed_at AT TIME ZONE 'UTC', %1$s),
                           'overdueSince', to_char((p.placed_at + make_interval(secs => :afterSeconds)) AT TIME ZONE 'UTC', %1$s),
                           'payableKopecks', p.payable,
                           'currency', p.currency,
                           'paymentLink', CAST(NULL AS text)) AS text),
                       :now, CAST(:traceparent AS varchar)
                FROM priced p
                ORDER BY p.placed_at, p.id
                RETURNING aggregate_id
            ), history AS (
                INSERT INTO order_history (order_id, at, actor, kind, reason)
                SELECT p.id, :now, :actor, :kind, :reason FROM priced p
            )
            SELECT count(*) FROM published""".formatted(UTC);

    @Inject
    EntityManager em;
    @Inject
    OrderConfig config;
    @Inject
    Clock clock;
    @Inject
    Event<Outbox.OutboxWritten> outboxWritten;

    @Scheduled(every = "${parus.order.payment-overdue-scan-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "payment-overdue-scan", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        scan();
    }

    /** R15: publishes OrderPaymentOverdue for every order that became overdue; returns how many. */
    @Transactional
    public int scan() {
        boolean leader = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, SCAN_LOCK).getSingleResult();
        if (!leader) {
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
        int published = ((Number) em.createNativeQuery(SCAN)
                .setParameter("now", now)
                .setParameter("threshold", now.minus(config.paymentOverdueAfter()))
                .setParameter("afterSeconds", config.paymentOverdueAfter().toNanos() / 1e9)
                .setParameter("topic", OrderEvents.TOPIC)
                .setParameter("aggregate", OrderEvents.AGGREGATE)
                .setParameter("eventType", OrderEvents.PAYMENT_OVERDUE.ceType())
                .setParameter("traceparent", TraceContext.currentTraceparent())
                .setParameter("actor", "payment-overdue-scan")
                .setParameter("kind", OrderHistoryEntry.Kind.PAYMENT_OVERDUE.name())
                .setParameter("reason", "R15: unpaid " + config.paymentOverdueAfter()
                        + " after placement; OrderPaymentOverdue published")
                .getSingleResult()).intValue();
        if (published > 0) {
            // wakes the outbox relay right after this commit, as Outbox.publish does for single events
            outboxWritten.fire(new Outbox.OutboxWritten(null));
        }
        return published;
    }
}
