package ru.parus.order.repository;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import ru.parus.platform.scan.ScanLock;

/** R7: the bought-together pairs, recomputed by one set-based statement ({@link ru.parus.order.service.BoughtTogether}). */
@ApplicationScoped
public class BoughtTogetherRepository {
    private static final long LOCK = 0x5041525553425431L; // "PARUSBT1"

    static final String REFRESH = """
            WITH baskets AS (SELECT DISTINCT order_id, sku FROM order_line),
            n AS (SELECT CAST(count(DISTINCT order_id) AS float8) AS total FROM baskets),
            item AS (SELECT sku, CAST(count(*) AS float8) AS orders FROM baskets GROUP BY sku),
            pair AS (SELECT a.sku, b.sku AS other_sku, count(*) AS together
                       FROM baskets a JOIN baskets b ON a.order_id = b.order_id AND a.sku <> b.sku
                      GROUP BY a.sku, b.sku HAVING count(*) >= :minPair)
            INSERT INTO bought_together (sku, other_sku, pair_orders, support, confidence, lift, computed_at)
            SELECT pair.sku, pair.other_sku, pair.together, pair.together / n.total, pair.together / ia.orders,
                   pair.together * n.total / (ia.orders * ib.orders), :now
              FROM pair CROSS JOIN n JOIN item ia ON ia.sku = pair.sku JOIN item ib ON ib.sku = pair.other_sku
             WHERE pair.together * n.total / (ia.orders * ib.orders) > :minLift""";

    @Inject
    EntityManager em;

    /** Waits for a refresh running elsewhere (transaction-scoped advisory lock). */
    public void lock() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, LOCK).getSingleResult();
    }

    /** True when this transaction got the lock; false: another replica is refreshing. */
    public boolean tryLock() {
        return ScanLock.tryAcquire(em, LOCK);
    }

    /** Replaces the pairs; returns how many there are now. */
    public int recompute(int minPair, double minLift, OffsetDateTime now) {
        em.createNativeQuery("DELETE FROM bought_together").executeUpdate();
        return em.createNativeQuery(REFRESH)
                .setParameter("minPair", minPair)
                .setParameter("minLift", minLift)
                .setParameter("now", now)
                .executeUpdate();
    }
}
