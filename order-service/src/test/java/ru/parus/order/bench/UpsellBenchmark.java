package ru.parus.order.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import ru.parus.platform.testing.SettableClock;
import ru.parus.infra.test.TestInfra;
import ru.parus.order.service.BoughtTogether;
import ru.parus.order.service.UpsellService;

/**
 * Issue 8: R7's suggestions with 10,000 products and a million past orders. The engine reads the cross-sell
 * map (cross_sell_rule), the featured and new families, the customer's type (customer_projection) and the
 * pairs bought together (bought_together, recomputed from order_line by {@link BoughtTogether}); all are
 * generated set-based here, and bought_together by the service's own refresh. Then 1,000 requests of
 * {@code GET /orders/{id}/suggestions} (one client, keep-alive, after 200 warm-up requests) and 1,000 calls
 * of the service bean, each for a different past order.
 * Off unless {@code -Dparus.bench=true}; run alone: {@code mvn -B -ntp test -Dtest=UpsellBenchmark -Dparus.bench=true}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "parus.bench", matches = "true")
class UpsellBenchmark {
    static final int PRODUCTS = 10_000; // 2,000 families of 5 variants
    static final int ORDERS = Integer.getInteger("parus.bench.orders", 1_000_000);
    static final int REQUESTS = 1_000;

    @Inject
    EntityManager em;
    @Inject
    BoughtTogether boughtTogether;
    @Inject
    UpsellService upsell;
    @Inject
    SettableClock clock;
    @Inject
    ObjectMapper mapper;
    @TestHTTPResource("/")
    URL base;

    static final List<String> GENERATE = List.of("""
            INSERT INTO product_family (id, name, purpose, category, storefronts, new_from, new_until, featured_from,
                                        featured_until, updated_at)
            SELECT CAST(md5('family-' || k) AS uuid), 'Семейство ' || k, 'назначение ' || k,
                   (ARRAY['PROTEIN', 'GAINER', 'CREATINE', 'AMINO', 'VITAMINS', 'BARS'])[1 + k % 6],
                   ARRAY['LACTOMIN', 'WATTN'],
                   CASE WHEN k % 150 = 0 THEN CAST(:now AS timestamptz) - interval '10 days' END,
                   CASE WHEN k % 150 = 0 THEN CAST(:now AS timestamptz) + interval '20 days' END,
                   CASE WHEN k % 200 = 0 THEN CAST(:now AS timestamptz) - interval '1 day' END,
                   CASE WHEN k % 200 = 0 THEN CAST(:now AS timestamptz) + interval '30 days' END, CAST(:now AS timestamptz)
              FROM generate_series(0, 1999) AS k""", """
            INSERT INTO product (sku, name, price_kopecks, active, family_id, flavour, size, stock)
            SELECT 'B' || lpad(CAST(n AS text), 5, '0'), 'Товар ' || n, 10000 + (n % 500) * 1000, n % 97 <> 0,
                   CAST(md5('family-' || (n / 5)) AS uuid), 'вкус ' || (n % 5), '900 г', CASE WHEN n % 89 = 0 THEN 0 ELSE 50 END
              FROM generate_series(0, :products - 1) AS n""", """
            INSERT INTO cross_sell_rule (id, kind, trigger_sku, offer_sku, priority, valid_from, valid_until, updated_by, updated_at)
            SELECT gen_random_uuid(), 'WITH_PRODUCT', 'B' || lpad(CAST(n AS text), 5, '0'),
                   'B' || lpad(CAST((n * 31 + j * 977) % :products AS text), 5, '0'), j * 10,
                   CASE WHEN n % 4 = 0 THEN CAST(:now AS timestamptz) - interval '1 day' END, CASE WHEN n % 8 = 0 THEN CAST(:now AS timestamptz) + interval '9 days' END,
                   'head-1', CAST(:now AS timestamptz)
              FROM generate_series(0, :products - 1) AS n CROSS JOIN generate_series(1, 2) AS j""", """
            INSERT INTO cross_sell_rule (id, kind, customer_type, offer_sku, priority, updated_by, updated_at)
            SELECT gen_random_uuid(), 'FOR_CUSTOMER_TYPE', (ARRAY['ATHLETE', 'FITNESS', 'HEALTHY_LIFESTYLE', 'WHOLESALE'])[1 + t],
                   'B' || lpad(CAST((t * 2503 + j * 389) % :products AS text), 5, '0'), j, 'head-1', CAST(:now AS timestamptz)
              FROM generate_series(0, 3) AS t CROSS JOIN generate_series(1, 25) AS j""", """
            INSERT INTO customer_projection (customer_id, name, type, updated_at)
            SELECT CAST(md5('customer-' || c) AS uuid), 'Покупатель ' || c,
                   (ARRAY['ATHLETE', 'FITNESS', 'HEALTHY_LIFESTYLE', 'WHOLESALE'])[1 + c % 4], CAST(:now AS timestamptz)
              FROM generate_series(0, 99999) AS c""", """
            INSERT INTO customer_order (id, customer_id, channel, status, placed_at, currency, total_kopecks,
                                        payable_kopecks, payment_method, delivery_method, paid_at)
            SELECT CAST(md5('order-' || i) AS uuid), CAST(md5('customer-' || (i % 100000)) AS uuid), 'LACTOMIN', 'DELIVERED',
                   CAST(:now AS timestamptz) - make_interval(secs => (i * 104729) % 31536000), 'RUB', 300000, 300000, 'ONLINE',
                   'COURIER',
                   CAST(:now AS timestamptz) - make_interval(secs => (i * 104729) % 31536000)
              FROM generate_series(CAST(1 AS bigint), :orders) AS i""", """
            INSERT INTO order_line (order_id, line_no, sku, name, quantity, unit_price_kopecks, line_total_kopecks)
            SELECT CAST(md5('order-' || i) AS uuid), l, 'B' || lpad(CAST(s.sku AS text), 5, '0'), 'Товар', 1, 100000, 100000
              FROM generate_series(CAST(1 AS bigint), :orders) AS i
             CROSS JOIN LATERAL (SELECT CAST(floor(:products * power(((i * 2654435761) % 1000003) / 1000003.0, 2)) AS bigint) AS a) anchor
             CROSS JOIN LATERAL (VALUES (1, anchor.a),
                                        (2, (anchor.a + 5 * (1 + i % 7)) % :products),
                                        (3, (anchor.a + 37 * (1 + i % 3)) % :products)) AS s (l, sku)
             WHERE s.l < 3 OR i % 2 = 0""");

    @Test
    void R7_suggestionsWithTenThousandProductsAndAMillionPastOrders() throws Exception {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        long t0 = System.nanoTime();
        for (String sql : GENERATE) {
            long s0 = System.nanoTime();
            int rows = QuarkusTransaction.requiringNew().timeout(3600).call(() -> {
                var q = em.createNativeQuery(sql);
                bindIfPresent(q, sql, "now", now);
                bindIfPresent(q, sql, "products", PRODUCTS);
                bindIfPresent(q, sql, "orders", ORDERS);
                return q.executeUpdate();
            });
            System.out.printf("[bench] %,d rows into %s in %.1f s%n", rows, sql.split("\\s+")[2], (System.nanoTime() - s0) / 1e9);
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("ANALYZE").executeUpdate());
        long r0 = System.nanoTime();
        int pairs = QuarkusTransaction.requiringNew().timeout(3600).call(() -> boughtTogether.refresh());
        System.out.printf("[bench] data generated in %.1f s; bought-together refresh (R7) over %,d order lines: %,d pairs in %.1f s; load average %s%n",
                (r0 - t0) / 1e9, count("SELECT count(*) FROM order_line"), pairs, (System.nanoTime() - r0) / 1e9,
                OverdueScanBenchmark.loadAverage());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("ANALYZE bought_together").executeUpdate());
        assertTrue(pairs > 10_000, "co-purchase pairs learned from the generated history: " + pairs);

        // the 200 + 1,000 + 1,000 orders asked about: distinct past orders spread over the history
        @SuppressWarnings("unchecked")
        List<String> ids = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT CAST(CAST(md5('order-' || (1 + (k * 7727) % :orders)) AS uuid) AS text) FROM generate_series(0, 2199) AS k")
                .setParameter("orders", ORDERS).getResultList());
        List<UUID> asked = ids.stream().map(UUID::fromString).toList();

        HttpClient http = HttpClient.newHttpClient();
        String token = TestInfra.token("manager-1", "MANAGER");
        List<Integer> sizes = new ArrayList<>();
        List<Long> viaHttp = new ArrayList<>();
        String load = OverdueScanBenchmark.loadAverage();
        for (int k = 0; k < 200 + REQUESTS; k++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "orders/" + asked.get(k) + "/suggestions"))
                    .header("Authorization", "Bearer " + token).GET().build();
            long s0 = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - s0;
            assertEquals(200, response.statusCode(), response.body());
            if (k >= 200) {
                viaHttp.add(took);
                JsonNode body = mapper.readTree(response.body());
                sizes.add(body.get("items").size());
            }
        }
        String loadAfterHttp = OverdueScanBenchmark.loadAverage();
        List<Long> viaBean = new ArrayList<>();
        for (int k = 1_200; k < 1_200 + REQUESTS; k++) {
            UUID id = asked.get(k);
            long s0 = System.nanoTime();
            List<UpsellService.Suggestion> s = upsell.suggestions(id);
            viaBean.add(System.nanoTime() - s0);
            assertTrue(s.size() >= 2 && s.size() <= 3, "R7: two to three items, got " + s);
        }
        report("GET /orders/{id}/suggestions over HTTP (JWT check included)", viaHttp, load + " -> " + loadAfterHttp);
        report("UpsellService.suggestions (the bean)", viaBean, loadAfterHttp + " -> " + OverdueScanBenchmark.loadAverage());
        assertTrue(sizes.stream().allMatch(n -> n >= 2 && n <= 3), "R7: two to three items per answer: " + sizes);
    }

    static void bindIfPresent(jakarta.persistence.Query q, String sql, String name, Object value) {
        if (sql.contains(":" + name + " ") || sql.contains(":" + name + ")") || sql.contains(":" + name + ",")) {
            q.setParameter(name, value);
        }
    }

    static void report(String what, List<Long> nanos, String load) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        double p99 = pct(sorted, 99);
        System.out.printf("[bench] R7 %s, %,d requests: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (load average %s); goal p99 < 20 ms: %s%n",
                what, sorted.size(), pct(sorted, 50), pct(sorted, 90), p99, sorted.get(sorted.size() - 1) / 1e6, load,
                p99 < 20 ? "met" : "NOT met");
    }

    static double pct(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
