package ru.parus.order.repository;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import ru.parus.order.event.BonusEvents;
import ru.parus.platform.outbox.Outbox;
import ru.parus.platform.scan.ScanLock;

/**
 * R11's set-based expiry scan ({@link ru.parus.order.service.BonusExpiryScanner}): what is left of each earning, the
 * warning a week before it expires and the debit when it does, each one statement over all customers.
 *
 * <p>What is left of an earning (FIFO: spending takes the oldest points first) is computed, not stored: the earnings
 * of a customer in the order they were earned are lots (an earning less what a return took back of it, REVOKED);
 * everything that left the balance since (SPENT and EXPIRED, less the spent points given back, RETURNED) is taken
 * from the oldest lots first, so a lot keeps {@code clamp(running total of the lots up to it - outflow, 0, lot)}.
 * The remainders add up to the balance.
 */
@ApplicationScoped
public class BonusExpiryRepository {
    /** Advisory lock key of this scan, unique in the orders database ("bexpiry"). */
    public static final long SCAN_LOCK = 0x6265787069727910L;

    /** RFC 3339 in UTC with microseconds, as PostgreSQL's {@code timestamptz} holds them. */
    private static final String UTC = "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'";

    /** The remainders of every lot of the customers in {@code candidates} (a CTE the statement defines first). */
    private static final String REMAINDERS = """
            lots AS (
                SELECT e.id, e.customer_id, e.order_id, e.at, e.points - COALESCE(r.points, 0) AS size
                FROM bonus_entry e
                LEFT JOIN bonus_entry r ON r.order_id = e.order_id AND r.kind = 'REVOKED'
                WHERE e.kind = 'EARNED' AND e.customer_id IN (SELECT customer_id FROM candidates)
            ), outflow AS (
                SELECT customer_id, SUM(CASE kind WHEN 'RETURNED' THEN -points ELSE points END) AS points
                FROM bonus_entry
                WHERE kind IN ('SPENT', 'EXPIRED', 'RETURNED') AND customer_id IN (SELECT customer_id FROM candidates)
                GROUP BY customer_id
            ), remainders AS (
                SELECT l.id, l.customer_id, l.order_id, l.at,
                       LEAST(l.size, GREATEST(0, SUM(l.size) OVER (PARTITION BY l.customer_id ORDER BY l.at, l.id)
                                                 - COALESCE(o.points, 0))) AS remainder
                FROM lots l LEFT JOIN outflow o ON o.customer_id = l.customer_id
            )""";

    /**
     * R11 (a): claims the earnings that expire within the warning time and were not warned about, and publishes
     * BonusPointsExpiring (docs/events/BonusPointsExpiring.v1.schema.json, key = customerId) for each with points
     * left. Earnings with nothing left are claimed too, so that no scan looks at them again.
     */
    static final String WARN = """
            WITH candidates AS (
                SELECT DISTINCT customer_id FROM bonus_entry
                WHERE kind = 'EARNED' AND expiry_warned_at IS NULL AND expiry_settled_at IS NULL AND at <= :warnFrom
            ), %3$s, claimed AS (
                UPDATE bonus_entry e SET expiry_warned_at = :now
                FROM remainders r
                WHERE e.id = r.id AND e.expiry_warned_at IS NULL AND e.expiry_settled_at IS NULL AND e.at <= :warnFrom
                RETURNING e.id, e.customer_id, e.order_id, e.at, r.remainder
            ), expiring AS (
                SELECT CAST(c.customer_id AS text) AS aggregate_id,
                       CAST(jsonb_build_object(
                           'customerId', c.customer_id,
                           'expiringPoints', c.remainder,
                           'expiresAt', to_char((c.at AT TIME ZONE 'UTC')
                               + make_interval(years => :years, months => :months, days => :days), %1$s),
                           'balancePoints', a.balance_points,
                           'earnedOrderId', c.order_id) AS text) AS payload
                FROM claimed c JOIN bonus_account a ON a.customer_id = c.customer_id
                WHERE c.remainder > 0
                ORDER BY c.at, c.id
            ), %2$s
            SELECT count(*) FROM published""".formatted(UTC, Outbox.PUBLISHED, REMAINDERS);

    /** R11 (b): the accounts whose earnings are due to expire, locked (in customer order) before their debit. */
    static final String LOCK_DUE = """
            SELECT a.customer_id FROM bonus_account a
            WHERE a.customer_id IN (SELECT customer_id FROM bonus_entry
                                    WHERE kind = 'EARNED' AND expiry_settled_at IS NULL AND at <= :expireFrom)
            ORDER BY a.customer_id FOR UPDATE""";

    /**
     * R11 (b): claims the earnings due, writes an EXPIRED entry for each with points left (order_id = the earning's
     * order, once by UNIQUE (order_id, kind)) and takes them off the balances.
     */
    static final String EXPIRE = """
            WITH candidates AS (
                SELECT DISTINCT customer_id FROM bonus_entry
                WHERE kind = 'EARNED' AND expiry_settled_at IS NULL AND at <= :expireFrom
            ), %s, claimed AS (
                UPDATE bonus_entry e SET expiry_settled_at = :now
                FROM remainders r
                WHERE e.id = r.id AND e.expiry_settled_at IS NULL AND e.at <= :expireFrom
                RETURNING e.customer_id, e.order_id, r.remainder
            ), expired AS (
                INSERT INTO bonus_entry (customer_id, order_id, kind, points, at)
                SELECT customer_id, order_id, 'EXPIRED', remainder, :now FROM claimed WHERE remainder > 0
                ON CONFLICT (order_id, kind) DO NOTHING
                RETURNING customer_id, points
            ), debited AS (
                UPDATE bonus_account a SET balance_points = a.balance_points - s.points
                FROM (SELECT customer_id, SUM(points) AS points FROM expired GROUP BY customer_id) s
                WHERE a.customer_id = s.customer_id
                RETURNING a.customer_id
            )
            SELECT count(*) FROM expired""".formatted(REMAINDERS);

    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;

    /** One replica scans at a time: false when another holds the scan's lock (until its transaction ends). */
    public boolean tryScanLock() {
        return ScanLock.tryAcquire(em, SCAN_LOCK);
    }

    /** R11 (b): debits what is left of every earning made at or before {@code now - expireAfter}; how many entries. */
    public int expire(OffsetDateTime now, Period expireAfter) {
        OffsetDateTime expireFrom = now.minus(expireAfter);
        // the balances change below: lock them first, so that no spend (BonusService's row lock) runs in between
        em.createNativeQuery(LOCK_DUE).setParameter("expireFrom", expireFrom).getResultList();
        return ((Number) em.createNativeQuery(EXPIRE)
                .setParameter("expireFrom", expireFrom)
                .setParameter("now", now)
                .getSingleResult()).intValue();
    }

    /** R11 (a): warns about every earning that expires within {@code warning} of {@code now}; how many events. */
    public int warn(OffsetDateTime now, Period expireAfter, Duration warning) {
        return ((Number) outbox.publishAll(WARN, "expiring", BonusEvents.TOPIC, BonusEvents.AGGREGATE,
                        BonusEvents.POINTS_EXPIRING)
                .setParameter("warnFrom", now.plus(warning).minus(expireAfter))
                .setParameter("now", now)
                .setParameter("years", expireAfter.getYears())
                .setParameter("months", expireAfter.getMonths())
                .setParameter("days", expireAfter.getDays())
                .getSingleResult()).intValue();
    }
}
