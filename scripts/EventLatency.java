import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ru.parus.infra.DevKeys;

/**
 * Measures event latency on the running local stack (./parus up): order commit in order-service
 * to the effect committed in customer-service. Places N orders over HTTP, then joins the outbox
 * row's occurred_at (orders database) with the inbox row's received_at (customers database) by
 * event id; both come from the same PostgreSQL server's host clock.
 *
 * Run on the local stack: java -cp 'local-infra/launcher/target/launcher-lib/*:local-infra/launcher/target/classes' \
 *     scripts/EventLatency.java [orders, default 1000] [pause between orders in ms, default 0]
 */
public class EventLatency {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        // a pause between orders shows the latency of an event that finds its consumer idle
        long pauseMillis = args.length > 1 ? Long.parseLong(args[1]) : 0;
        String pg = "jdbc:postgresql://127.0.0.1:" + System.getenv().getOrDefault("PARUS_PG_PORT", "15432") + "/";
        DevKeys keys = DevKeys.inFolder(Path.of(".parus", "keys"));
        String head = keys.token("head-1", Set.of("HEAD"), Duration.ofHours(1));
        String manager = keys.token("manager-1", Set.of("MANAGER"), Duration.ofHours(1));

        String customer = field(post("http://127.0.0.1:8081/customers", head,
                "{\"name\":\"Latency Probe\",\"phone\":\"+7 999 " + (100 + (int) (Math.random() * 899)) + "-00-00\",\"type\":\"FITNESS\"}"), "id");
        List<String> orderIds = new ArrayList<>();
        Instant start = Instant.now();
        for (int i = 0; i < count; i++) {
            orderIds.add(field(post("http://127.0.0.1:8082/orders", manager,
                    "{\"customerId\":\"" + customer + "\",\"lines\":[{\"sku\":\"BAR-PROT-60\",\"quantity\":1}]}"), "id"));
            if (pauseMillis > 0) {
                Thread.sleep(pauseMillis);
            }
        }
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        System.out.printf("placed %d orders sequentially in %.1f s (%.0f orders/s, one client)%n", count, seconds, count / seconds);

        Map<String, Instant> committed = new HashMap<>();
        try (Connection orders = DriverManager.getConnection(pg + "orders", "postgres", "")) {
            var st = orders.prepareStatement("SELECT event_id::text, occurred_at FROM outbox WHERE aggregate_id = ANY (?)");
            st.setArray(1, orders.createArrayOf("varchar", orderIds.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    committed.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                }
            }
        }
        List<Long> latenciesMicros = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(60);
        try (Connection customers = DriverManager.getConnection(pg + "customers", "postgres", "")) {
            while (latenciesMicros.size() < committed.size() && Instant.now().isBefore(deadline)) {
                latenciesMicros.clear();
                var st = customers.prepareStatement("SELECT event_id, received_at FROM inbox WHERE event_id = ANY (?)");
                st.setArray(1, customers.createArrayOf("varchar", committed.keySet().toArray()));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        Timestamp received = rs.getTimestamp(2);
                        Duration d = Duration.between(committed.get(rs.getString(1)), received.toInstant());
                        latenciesMicros.add(d.toNanos() / 1000);
                    }
                }
                if (latenciesMicros.size() < committed.size()) {
                    Thread.sleep(200);
                }
            }
        }
        Collections.sort(latenciesMicros);
        System.out.printf("events applied by customer-service: %d of %d%n", latenciesMicros.size(), committed.size());
        if (!latenciesMicros.isEmpty()) {
            System.out.printf("order commit -> customer-service effect: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    pct(latenciesMicros, 50), pct(latenciesMicros, 90), pct(latenciesMicros, 99),
                    latenciesMicros.get(latenciesMicros.size() - 1) / 1000.0);
        }
    }

    static double pct(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    static String post(String url, String token, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
