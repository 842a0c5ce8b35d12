package ru.parus.order.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.junit.QuarkusTest;
import ru.parus.infra.test.TestInfra;

/**
 * Issue 8: the CPU order-service spends per {@code POST /orders} (two lines), measured inside the test JVM by thread,
 * so that the load client's own threads are not counted. Off unless {@code -Dparus.bench=true}; for a profile add
 * JFR on the command line only:
 * {@code mvn -B -ntp test -Dtest=OrderPlacementBenchmark -Dparus.bench=true
 * -DargLine="-XX:StartFlightRecording=filename=/tmp/place.jfr,settings=profile"}.
 * {@code -Dparus.bench.orders} (default 3,000 measured after 1,000 warm-up), {@code -Dparus.bench.clients} (4).
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "parus.bench", matches = "true")
class OrderPlacementBenchmark {
    static final int ORDERS = Integer.getInteger("parus.bench.orders", 3_000);
    static final int WARMUP = Integer.getInteger("parus.bench.warmup", 1_000);
    static final int CLIENTS = Integer.getInteger("parus.bench.clients", 4);
    static final String CLIENT_THREAD = "bench-client-";

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final String token = TestInfra.token("manager-1", "MANAGER");

    @Test
    void orderPlacementCpuPerOrder() throws Exception {
        run(WARMUP);
        Map<String, Long> before = cpuByThreadGroup();
        long t0 = System.nanoTime();
        run(ORDERS);
        long wall = System.nanoTime() - t0;
        Map<String, Long> after = cpuByThreadGroup();
        long service = 0;
        Map<String, Long> delta = new TreeMap<>();
        for (var e : after.entrySet()) {
            long d = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            delta.put(e.getKey(), d);
            if (!e.getKey().startsWith(CLIENT_THREAD) && !e.getKey().startsWith("HttpClient")) {
                service += d;
            }
        }
        System.out.printf("[bench] %,d orders from %d clients in %.1f s: %.0f orders/s; load average %s%n", ORDERS, CLIENTS,
                wall / 1e9, ORDERS / (wall / 1e9), OverdueScanBenchmark.loadAverage());
        System.out.printf("[bench] order-service CPU per order (all threads but the client's): %.2f ms%n",
                service / 1e6 / ORDERS);
        delta.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> System.out.printf("[bench]   %-40s %8.2f ms per order%n", e.getKey(), e.getValue() / 1e6 / ORDERS));
    }

    void run(int orders) throws Exception {
        AtomicInteger left = new AtomicInteger(orders);
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS, r -> new Thread(r, CLIENT_THREAD + n.incrementAndGet()));
        try {
            Future<?>[] f = new Future<?>[CLIENTS];
            for (int i = 0; i < CLIENTS; i++) {
                f[i] = pool.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/orders"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("""
                                        {"customerId":"%s","lines":[{"sku":"WHEY-CHOC-900","quantity":2},
                                        {"sku":"CREA-MONO-300","quantity":1}]}""".formatted(UUID.randomUUID())))
                                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
                        assertEquals(201, r.statusCode(), r.body());
                    }
                    return null;
                });
            }
            for (Future<?> x : f) {
                x.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** CPU time of the live threads, summed by name with digits removed (executor-thread-#, vert.x-eventloop-thread-#). */
    static Map<String, Long> cpuByThreadGroup() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            ThreadInfo info = threads.getThreadInfo(id);
            long t = threads.getThreadCpuTime(id);
            if (info != null && t > 0) {
                cpu.merge(info.getThreadName().replaceAll("\\d+", "#"), t, Long::sum);
            }
        }
        return cpu;
    }
}
