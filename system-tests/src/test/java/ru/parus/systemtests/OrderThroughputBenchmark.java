package ru.parus.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.parus.systemtests.RunningStack.ORDER;
import static ru.parus.systemtests.RunningStack.url;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import ru.parus.infra.test.TestInfra;

/**
 * Issue 8's throughput benchmark, off unless {@code -Dparus.bench=true} (scripts/bench-orders.sh runs it):
 * phone orders posted to the packaged order-service by N concurrent clients (closed loop: the maximum), then at 70 %
 * of that rate (open loop, latency measured from each request's scheduled start, so a stall is not hidden), and the
 * machine's limit for the same rows: pgbench with the same transaction shape (read the two products, insert the
 * order, two lines, the outbox row and the history row, commit) on the same PostgreSQL server. Prints the figures and
 * the ratio; asserts only that orders were placed.
 *
 * <p>{@code -Dparus.bench.clients=16}, {@code -Dparus.bench.seconds=20}, {@code -Dparus.bench.warmup=10},
 * {@code -Dparus.bench.idle=10} (seconds without load after the warm-up, to measure the fixed CPU per second).
 */
@ExtendWith(RunningStack.class)
@EnabledIfSystemProperty(named = "parus.bench", matches = "true")
class OrderThroughputBenchmark {
    static final int CLIENTS = Integer.getInteger("parus.bench.clients", 16);
    static final int SECONDS = Integer.getInteger("parus.bench.seconds", 20);
    static final int WARMUP = Integer.getInteger("parus.bench.warmup", 10);
    /** Seconds with no load after the warm-up: each process's CPU per second when idle (JIT, polls, heartbeats). */
    static final int IDLE = Integer.getInteger("parus.bench.idle", 10);
    static final String BODY = """
            {"customerId":"%s","lines":[{"sku":"WHEY-CHOC-900","quantity":1},{"sku":"CREA-MONO-300","quantity":2}]}""";

    final String manager = TestInfra.token("manager-1", "MANAGER");
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void ordersPerSecondOverHttpAgainstPgbenchOnTheSameDatabase() throws Exception {
        System.out.printf("[bench] %d clients, %d s per phase after %d s warm-up; service JVM options: %s;"
                + " load average before: %s%n", CLIENTS, SECONDS, WARMUP,
                System.getProperty("parus.service.jvm-options", "the tests' defaults"), loadAverage());
        // the JIT compiles for a long while when the machine is busy: the CPU per order of the warm-up shows how far
        Map<String, Long> warm0 = cpu();
        Result warm = run(CLIENTS, WARMUP, 0);
        Map<String, Long> cpu0 = cpu();
        System.out.println("[bench] warm-up: " + warm);
        System.out.println("[bench]   CPU per order during the warm-up (ms): " + perUnit(warm0, cpu0, warm.ok));
        // at a few orders per second the fixed per-second costs are most of the per-order figure: measure them
        long idleStart = System.nanoTime();
        sleepNanos(TimeUnit.SECONDS.toNanos(IDLE));
        Map<String, Long> idle1 = cpu();
        double idleSeconds = (System.nanoTime() - idleStart) / 1e9;
        Map<String, Double> idlePerSecond = new TreeMap<>();
        idle1.forEach((k, v) -> idlePerSecond.put(k, (v - cpu0.getOrDefault(k, 0L)) / idleSeconds));
        System.out.println("[bench]   CPU per second with no load (ms/s): " + idlePerSecond);
        Result max = run(CLIENTS, SECONDS, 0);
        Map<String, Long> cpu1 = cpu();
        System.out.println("[bench] POST /orders, closed loop (maximum): " + max);
        System.out.println("[bench]   CPU per order (ms, independent of what else runs): " + perUnit(idle1, cpu1, max.ok));
        System.out.println("[bench]   CPU per order net of the no-load CPU (ms; an estimate: JIT under load differs): "
                + perUnitNet(idle1, cpu1, max.ok, idlePerSecond, max.seconds()));
        double target = max.perSecond() * 0.7;
        Result at70 = run(CLIENTS, SECONDS, target);
        System.out.printf("[bench] POST /orders, open loop at 70%% of the maximum (%.0f/s): %s%n", target, at70);
        System.out.println("[bench] load average after the HTTP runs: " + loadAverage());

        Map<String, Long> cpu2 = cpu();
        double pgbench = pgbench(CLIENTS, SECONDS);
        Map<String, Long> cpu3 = cpu();
        System.out.println("[bench]   CPU per pgbench transaction (ms; pgbench itself not counted): "
                + perUnit(cpu2, cpu3, Math.round(pgbench * SECONDS)));
        System.out.printf("[bench] pgbench, same transaction shape, %d clients: %.0f transactions/s%n", CLIENTS,
                pgbench);
        System.out.printf("[bench] ratio HTTP maximum / pgbench: %.0f%% (goal >= 50%%); HTTP maximum %.0f orders/s"
                + " (goal >= 1000)%n", 100 * max.perSecond() / pgbench, max.perSecond());
        assertTrue(max.ok > 0, "orders were placed");
    }

    record Result(int ok, int errors, double seconds, long[] nanos) {
        double perSecond() {
            return ok / seconds;
        }

        double percentile(double p) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            return nanos[Math.min(nanos.length - 1, (int) Math.ceil(p / 100.0 * nanos.length) - 1)] / 1e6;
        }

        @Override
        public String toString() {
            return String.format("%d orders in %.1f s = %.0f orders/s, errors %d, latency p50 %.1f ms, p99 %.1f ms,"
                    + " max %.1f ms", ok, seconds, perSecond(), errors, percentile(50), percentile(99),
                    percentile(100));
        }
    }

    /** {@code rate} 0: each client sends as fast as answers come; otherwise the clients share that rate per second. */
    private Result run(int clients, int seconds, double rate) throws InterruptedException {
        String customer = UUID.randomUUID().toString(); // order-service does not check the customer (R3 prices only)
        String base = url(ORDER) + "/orders";
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<long[]> perClient = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[] latencies = new long[2_000_000 / clients];
            perClient.add(latencies);
            int client = c;
            AtomicInteger n = new AtomicInteger();
            Thread t = new Thread(() -> {
                double interval = rate > 0 ? 1e9 * clients / rate : 0;
                long next = start + (long) (interval * client / clients);
                int count = 0;
                while (true) {
                    long scheduled;
                    if (rate > 0) {
                        long now = System.nanoTime();
                        if (next > now) {
                            sleepNanos(next - now);
                        }
                        scheduled = next;
                        next += (long) interval;
                    } else {
                        scheduled = System.nanoTime();
                    }
                    if (scheduled >= end) {
                        break;
                    }
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base)).timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + manager).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(BODY.formatted(customer))).build();
                    try {
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() == 201) {
                            ok.incrementAndGet();
                            if (count < latencies.length) {
                                latencies[count++] = System.nanoTime() - scheduled;
                            }
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                n.set(count);
                perClient.set(client, Arrays.copyOf(latencies, count));
            }, "bench-client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = perClient.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(ok.get(), errors.get(), elapsed, all);
    }

    /**
     * pgbench (Debian's postgresql-client) on a database of its own with order-service's tables (its migrations),
     * so that the rows it writes are never relayed: the transactions per second it reaches.
     */
    private double pgbench(int clients, int seconds) throws Exception {
        String url = TestInfra.database("bench_orders");
        Path migrations = RunningStack.projectRoot().resolve("order-service/src/main/resources/db/migration");
        Path platform = RunningStack.projectRoot().resolve("platform/src/main/resources/db/platform");
        try (Connection c = DriverManager.getConnection(url, TestInfra.databaseUser(), TestInfra.databasePassword()); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
            s.execute(Files.readString(platform.resolve("V1_0__outbox_and_inbox.sql")));
            s.execute(Files.readString(migrations.resolve("V2__orders.sql")));
            s.execute(Files.readString(migrations.resolve("V3__demo_products.sql")));
            s.execute(Files.readString(migrations.resolve("V10__order_lifecycle.sql")));
        }
        Path script = Files.createTempFile("parus-order-", ".pgbench");
        Files.writeString(script, """
                \\set n random(1, 9000000000000000000)
                BEGIN;
                SELECT sku, name, price_kopecks, active FROM product WHERE sku IN ('WHEY-CHOC-900', 'CREA-MONO-300');
                INSERT INTO customer_order (id, customer_id, channel, status, manager_id, placed_at, currency, total_kopecks, request_hash, version) VALUES (md5(:n::text)::uuid, md5(:client_id::text)::uuid, 'PHONE', 'NEW', 'manager-1', now(), 'RUB', 351000, 'bench', 0);
                INSERT INTO order_line (order_id, line_no, sku, name, quantity, unit_price_kopecks, line_total_kopecks) VALUES (md5(:n::text)::uuid, 1, 'WHEY-CHOC-900', 'Сывороточный протеин, шоколад, 900 г', 1, 249000, 249000);
                INSERT INTO order_line (order_id, line_no, sku, name, quantity, unit_price_kopecks, line_total_kopecks) VALUES (md5(:n::text)::uuid, 2, 'CREA-MONO-300', 'Креатин моногидрат, 300 г', 2, 51000, 102000);
                INSERT INTO outbox (event_id, topic, aggregate_type, aggregate_id, event_type, payload, occurred_at) VALUES (md5(:n::text || 'e')::uuid, 'order-events', 'Order', md5(:n::text)::text, 'ru.parus.order.OrderPlaced.v1', '{"orderId":"00000000-0000-0000-0000-000000000000","customerId":"00000000-0000-0000-0000-000000000000","channel":"PHONE","placedAt":"2026-11-27T09:30:00Z","currency":"RUB","totalKopecks":351000,"lines":[{"sku":"WHEY-CHOC-900","quantity":1,"unitPriceKopecks":249000},{"sku":"CREA-MONO-300","quantity":2,"unitPriceKopecks":51000}]}', now());
                INSERT INTO order_history (order_id, at, actor, kind, to_status, reason) VALUES (md5(:n::text)::uuid, now(), 'manager-1', 'PLACED', 'NEW', 'placed through PHONE');
                END;
                """);
        Matcher port = Pattern.compile("//[^:/]+:(\\d+)/").matcher(url);
        assertTrue(port.find(), url);
        ProcessBuilder pgbench = new ProcessBuilder("pgbench", "-n", "-M", "prepared", "-c", String.valueOf(clients), "-j", "2",
                "-T", String.valueOf(seconds), "-h", "127.0.0.1", "-p", port.group(1), "-U", TestInfra.databaseUser(),
                "-f", script.toString(), "bench_orders").redirectErrorStream(true);
        pgbench.environment().put("PGPASSWORD", TestInfra.databasePassword());
        Process p = pgbench.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "pgbench:\n" + out);
        Files.deleteIfExists(script);
        Matcher tps = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(out);
        assertTrue(tps.find(), out);
        System.out.println("[bench] pgbench output:\n" + out.lines().filter(l -> l.contains("latency")
                || l.contains("tps") || l.contains("transactions")).map(l -> "    " + l).reduce("", (a, b) -> a + b + "\n"));
        return Double.parseDouble(tps.group(1));
    }

    /**
     * CPU time used so far, in ms, by order-service, the PostgreSQL server (postmaster, its live backends and the
     * ended ones it reaped), the broker (a child of this JVM) and this JVM (the load client).
     */
    private static Map<String, Long> cpu() throws IOException {
        Map<String, Long> out = new TreeMap<>();
        out.put("order-service", ticks(RunningStack.pid(ORDER), false));
        out.put("client", ticks(ProcessHandle.current().pid(), false));
        long broker = 0;
        for (ProcessHandle child : ProcessHandle.current().children().toList()) {
            if (child.info().commandLine().orElse("").contains("Kafka")) {
                broker += ticks(child.pid(), false);
            }
        }
        out.put("broker", broker);
        Matcher port = Pattern.compile("//[^:/]+:(\\d+)/").matcher(TestInfra.database("orders"));
        port.find();
        long postgres = 0;
        for (ProcessHandle p : ProcessHandle.allProcesses().toList()) {
            String cmd = p.info().commandLine().orElse("");
            if (cmd.contains("bin/postgres") && cmd.contains(" -p " + port.group(1) + " ")) {
                postgres += ticks(p.pid(), true);
                for (ProcessHandle backend : p.children().toList()) {
                    postgres += ticks(backend.pid(), false);
                }
            }
        }
        out.put("postgres", postgres);
        out.replaceAll((k, v) -> v * 10); // clock ticks of 10 ms (USER_HZ 100)
        return out;
    }

    /** utime + stime (+ cutime + cstime: children that ended) of /proc/pid/stat, in clock ticks. */
    private static long ticks(long pid, boolean withEndedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return withEndedChildren ? t + Long.parseLong(f[13]) + Long.parseLong(f[14]) : t;
        } catch (IOException | RuntimeException e) {
            return 0; // ended meanwhile
        }
    }

    private static String perUnit(Map<String, Long> before, Map<String, Long> after, long units) {
        StringBuilder out = new StringBuilder();
        double total = 0;
        for (String k : after.keySet()) {
            double ms = (after.get(k) - before.getOrDefault(k, 0L)) / (double) Math.max(1, units);
            total += ms;
            out.append(String.format("%s %.2f, ", k, ms));
        }
        return out.append(String.format("total %.2f -> at most %.0f per second on 2 idle cores", total,
                total == 0 ? 0 : 2000 / total)).toString();
    }

    private static String perUnitNet(Map<String, Long> before, Map<String, Long> after, long units,
            Map<String, Double> idlePerSecond, double seconds) {
        StringBuilder out = new StringBuilder();
        double total = 0;
        for (String k : after.keySet()) {
            double used = after.get(k) - before.getOrDefault(k, 0L) - idlePerSecond.getOrDefault(k, 0.0) * seconds;
            double ms = Math.max(0, used) / Math.max(1, units);
            total += ms;
            out.append(String.format("%s %.2f, ", k, ms));
        }
        return out.append(String.format("total %.2f", total)).toString();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    private static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
