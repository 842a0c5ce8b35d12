package ru.parus.order.service;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import ru.parus.order.config.UpsellConfig;
import ru.parus.order.repository.BoughtTogetherRepository;

/**
 * R7's fourth source: pairs of products bought together, learned from order history by one set-based
 * statement. support = orders with both / all orders; confidence = orders with both / orders with the
 * first; lift = confidence / share of orders with the second (above 1: more often than by chance).
 * Recomputed periodically and on demand, never per request; one replica at a time (advisory lock).
 */
@ApplicationScoped
public class BoughtTogether {
    private static final Logger LOG = Logger.getLogger(BoughtTogether.class);

    @Inject
    BoughtTogetherRepository pairs;
    @Inject
    UpsellConfig config;
    @Inject
    Clock clock;

    /** On demand: waits for a refresh running elsewhere, then recomputes. Returns the number of pairs. */
    @Transactional
    public int refresh() {
        pairs.lock();
        return recompute();
    }

    @Scheduled(every = "${parus.upsell.bought-together-refresh:1h}", delayed = "${parus.upsell.bought-together-refresh:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void scheduled() {
        if (pairs.tryLock()) {
            LOG.infof("bought-together refreshed: %d pairs", recompute());
        }
    }

    private int recompute() {
        return pairs.recompute(config.minPairOrders(), config.minLift(), OffsetDateTime.now(clock));
    }
}
