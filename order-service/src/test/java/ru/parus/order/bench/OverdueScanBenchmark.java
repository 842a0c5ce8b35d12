package ru.parus.order.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import ru.parus.platform.testing.SettableClock;
import ru.parus.order.service.PaymentOverdueScanner;
import ru.parus.platform.testing.EventSchemas;

/**
 * Issue 8: R15's unpaid-order scan over one million orders, 10,000 of which cross the 2-day threshold at once.
 * Off unless {@code -Dparus.bench=true}; run alone (it leaves a million rows in the test database):
 * {@code mvn -B -ntp test -Dtest=OverdueScanBenchmark -Dparus.bench=true} (or scripts/bench-scans.sh).
 * The scheduled scan is switched off in this profile so that the timed call is the one that claims the orders.
 */
@QuarkusTest
@TestProfile(OverdueScanBenchmark.NoScheduledScan.class)
@EnabledIfSystemProperty(named = "parus.bench", matches = "true")
class OverdueScanBenchmark {
    static final int ORDERS = Integer.getInteger("parus.bench.orders", 1_000_000);
    static final int CROSSING = Integer.getInteger("parus.bench.crossing", 10_000);
    static final int RECENT_UNPAID = 20_000;

    public static class NoScheduledScan implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parus.order.payment-overdue-scan-every", "off");
        }
    }

    @Inject
    EntityManager em;
    @Inject
    PaymentOverdueScanner scanner;
    @Inject
    SettableClock clock;

    /**
     * One set-based INSERT: order i (1-based) is
     * i <= CROSSING: ONLINE, unpaid, awaiting payment, placed 2 days minus 30 min minus 1..600 s ago (the generation itself
     * takes minutes of real time; all cross when the clock then moves 45 min);
     * next RECENT_UNPAID: ONLINE, unpaid, placed within the last 44 h (stays under the threshold);
     * the rest: placed 3 to 368 days ago, 60 % ONLINE and paid, 20 % ONLINE unpaid and already reported, cancelled,
     * 20 % cash on delivery. 100,000 customers.
     */
    static final String GENERATE = """
            INSERT INTO customer_order (id, customer_id, channel, status, manager_id, placed_at, currency, total_kopecks,
                                        payable_kopecks, payment_method, delivery_method, paid_at, overdue_published_at,
                                        confirmed_at)
            SELECT gen_random_uuid(), CAST(md5('customer-' || (i % 100000)) AS uuid),
                   CASE i % 3 WHEN 0 THEN 'PHONE' WHEN 1 THEN 'LACTOMIN' ELSE 'WATTN' END,
                   CASE WHEN i <= :crossing + :recent THEN 'AWAITING_PAYMENT'
                        WHEN i % 10 < 6 THEN 'DELIVERED' WHEN i % 10 < 8 THEN 'CANCELLED' ELSE 'DELIVERED' END,
                   CASE WHEN i % 3 = 0 THEN 'manager-' || (i % 20) END,
                   t.placed, 'RUB', 100000 + (i % 997) * 1000, 100000 + (i % 997) * 1000,
                   CASE WHEN i <= :crossing + :recent OR i % 10 < 8 THEN 'ONLINE' ELSE 'CASH_TO_COURIER' END,
                   'COURIER',
                   CASE WHEN i > :crossing + :recent AND i % 10 < 6 THEN t.placed + interval '1 hour' END,
                   CASE WHEN i > :crossing + :recent AND i % 10 IN (6, 7) THEN t.placed + interval '2 days' END,
                   t.placed + interval '5 minutes'
              FROM generate_series(CAST(1 AS bigint), :orders) AS i
             CROSS JOIN LATERAL (SELECT CASE
                   WHEN i <= :crossing THEN CAST(:now AS timestamptz) - interval '2 days' + interval '30 minutes' + make_interval(secs => 1 + i % 600)
                   WHEN i <= :crossing + :recent THEN CAST(:now AS timestamptz) - make_interval(secs => (i * 7919) % 158400)
                   ELSE CAST(:now AS timestamptz) - interval '3 days' - make_interval(secs => (i * 104729) % 31536000) END AS placed) t""";

    @Test
    void R15_unpaidOrderScanOverAMillionOrders() throws Exception {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        long t0 = System.nanoTime();
        QuarkusTransaction.requiringNew().timeout(1800).run(() -> em.createNativeQuery(GENERATE)
                .setParameter("crossing", CROSSING).setParameter("recent", RECENT_UNPAID)
                .setParameter("orders", ORDERS).setParameter("now", now).executeUpdate());
        long generated = System.nanoTime() - t0;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("ANALYZE customer_order").executeUpdate());
        long total = count("SELECT count(*) FROM customer_order");
        System.out.printf("[bench] generated %,d orders in %.1f s (total in table %,d); load average %s%n",
                ORDERS, generated / 1e9, total, loadAverage());

        int before = scanner.scan();
        assertEquals(0, before, "nothing is overdue before the clock moves");

        clock.advance(Duration.ofMinutes(45)); // R15: 10,000 orders cross the 2-day threshold at once
        @SuppressWarnings("unchecked")
        List<String> plan = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                EXPLAIN UPDATE customer_order SET overdue_published_at = now()
                WHERE payment_method = 'ONLINE' AND paid_at IS NULL AND overdue_published_at IS NULL
                  AND status IN ('NEW', 'AWAITING_PAYMENT') AND placed_at <= now() - interval '2 days'""").getResultList());
        plan.forEach(line -> System.out.println("[bench]   " + line));

        String load = loadAverage();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long s0 = System.nanoTime();
        int claimed = scanner.scan();
        long scan = System.nanoTime() - s0;
        long cpu = threads.getCurrentThreadCpuTime() - c0;
        System.out.printf("[bench] R15 scan over %,d orders: %,d overdue, %.0f ms (load average before %s, after %s); goal < 5 s: %s%n",
                total, claimed, scan / 1e6, load, loadAverage(), scan < 5_000_000_000L ? "met" : "NOT met");
        // CPU of the scanning thread alone (the database's share is not in it): less dependent on the machine's load
        System.out.printf("[bench] CPU time of the scanning JVM thread: %.0f ms%n", cpu / 1e6);

        long e0 = System.nanoTime();
        int again = scanner.scan();
        System.out.printf("[bench] the next scan (nothing new): %.0f ms%n", (System.nanoTime() - e0) / 1e6);

        assertEquals(CROSSING, claimed, "exactly the orders that crossed the threshold");
        assertEquals(0, again, "each order once");
        assertEquals(CROSSING, count("SELECT count(*) FROM outbox WHERE event_type = 'ru.parus.order.OrderPaymentOverdue.v1'"));
        @SuppressWarnings("unchecked")
        List<String> payloads = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT payload FROM outbox WHERE event_type = 'ru.parus.order.OrderPaymentOverdue.v1' LIMIT 100").getResultList());
        for (String p : payloads) {
            Set<String> v = EventSchemas.violations("OrderPaymentOverdue.v1", p);
            assertTrue(v.isEmpty(), v + " in " + p);
        }

        // how long the relay takes to put the 10,000 events on the broker (not part of the scan)
        long r0 = System.nanoTime();
        long deadline = r0 + Duration.ofMinutes(5).toNanos();
        while (count("SELECT count(*) FROM outbox WHERE sent_at IS NULL") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        System.out.printf("[bench] outbox relay drained the %,d events in %.1f s after the scan%n", claimed,
                (System.nanoTime() - r0) / 1e9);
    }

    long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + "/" + f[1];
        } catch (Exception e) {
            return "?";
        }
    }
}
