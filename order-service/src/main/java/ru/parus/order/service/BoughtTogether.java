package ru.parus.order.service;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import ru.parus.order.config.UpsellConfig;

/**
 * R7's fourth source: pairs of products bought together, learned from order history by one set-based
 * statement. support = orders with both / all orders; confidence = orders with both / orders with the
 * first; lift = confidence / share of orders with the second (above 1: more often than by chance).
 * Recomputed periodically and on demand, never per request; one replica at a time (advisory lock).
 */
@ApplicationScoped
public class BoughtTogether {
    private static final Logger LOG = Logger.getLogger(BoughtTogether.class);
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
    @Inject
    UpsellConfig config;
    @Inject
    Clock clock;

    /** On demand: waits for a refresh running elsewhere, then recomputes. Returns the number of pairs. */
    @Transactional
    public int refresh() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, LOCK).getSingleResult();
        return recompute();
    }

    @Scheduled(every = "${parus.upsell.bought-together-refresh:1h}", delayed = "${parus.upsell.bought-together-refresh:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void scheduled() {
        Boolean mine = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)").setParameter(1, LOCK)
                .getSingleResult();
        if (Boolean.TRUE.equals(mine)) {
            LOG.infof("bought-together refreshed: %d pairs", recompute());
        }
    }

    private int recompute() {
        em.createNativeQuery("DELETE FROM bought_together").executeUpdate();
        return em.createNativeQuery(REFRESH)
                .setParameter("minPair", config.minPairOrders())
                .setParameter("minLift", config.minLift())
                .setParameter("now", OffsetDateTime.now(clock))
                .executeUpdate();
    }
}
