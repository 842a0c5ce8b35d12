import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
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
 * row's occurred_at (orders database) by event id with the consumer's inbox row: its received_at (the start of the
 * event's effect, in the consumer's batch transaction) and its transaction's commit timestamp (the effect visible;
 * the local stack's PostgreSQL keeps commit timestamps, {@code track_commit_timestamp=on}); all three come from the
 * same host clock.
 *
 * Run on the local stack: java -cp 'local-infra/launcher/target/launcher-lib/*:local-infra/launcher/target/classes' \
 *     scripts/EventLatency.java [orders, default 1000] [pause between orders in ms, default 0]
 *
 * With a third argument {@code stack} (issue 8, the consumers beyond customer-service) it places, over
 * order-service's storefront intake (signed, every term agreed, so confirmed at intake), N cash-on-delivery
 * orders (OrderConfirmed -> a shipment in fulfillment-service, R12) and N online orders; it then moves the
 * online orders' placed_at back 2 days in the orders database so that the service's own unpaid-order scan
 * (R15) reports them (OrderPaymentOverdue -> an UNPAID_ORDER task in callcenter-service), in slices of a fourth
 * argument (default 500) every 5 s, as a steady trickle of orders would become overdue. A change made behind the
 * service's back like this one is found by the scan within parus.scan.max-skip (1 min; platform ScanPacing), so
 * slices may be claimed together; the figures start at the outbox row the scan writes.
 * It reports, per consumer and event type, outbox.occurred_at -> inbox.received_at (the inbox row is
 * written in the transaction of the task or the shipment) and -> that transaction's commit (the goal's figure), and
 * checks that every task and shipment exists. It splits
 * each figure at the Kafka record's timestamp (CreateTime, when the relay's producer took the event): commit -> send
 * is the order-service side (the rest of the order's transaction, the relay's wake-up and claim), send -> inbox the
 * broker's and the consumer's (its poll, the batch transaction up to the inbox row). Each event type's three slowest
 * come with their order's commit time (UTC), to see whether they fell together: scripts/slow-moments.py records
 * what every process and thread did meanwhile.
 *     scripts/EventLatency.java 10000 0 stack [overdue per scan, default 500] [clients, default 4]
 * The second argument is each client's pause after an order: {@code 120 1000 stack 500 1} places one order a
 * second, so that every event finds its consumers idle (their wake-up, not their throughput, is measured).
 */
public class EventLatency {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Above this 1-minute load average before the run (2 cores), the figures are not comparable. */
    static final double MAX_LOAD = Double.parseDouble(System.getenv().getOrDefault("PARUS_BENCH_MAX_LOAD", "2"));

    public static void main(String[] args) throws Exception {
        String before = java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim();
        double load = Double.parseDouble(before.split(" ")[0]);
        if (load > MAX_LOAD && "1".equals(System.getenv("PARUS_BENCH_REQUIRE_QUIET"))) {
            System.err.printf("[bench] refused: 1-minute load average %.2f > %.1f before the run (measure alone)%n", load, MAX_LOAD);
            System.exit(3);
        }
        System.out.println("[bench] load average before: " + before);
        run(args);
        System.out.println("[bench] load average after: " + java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim()
                + "; load before " + before.split(" ")[0] + ": "
                + (load > MAX_LOAD ? "NOT COMPARABLE (above " + MAX_LOAD + " before)" : "comparable"));
    }

    static void run(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        if (args.length > 2 && args[2].equals("stack")) {
            stack(count, args.length > 1 ? Long.parseLong(args[1]) : 0, args.length > 3 ? Integer.parseInt(args[3]) : 500,
                    args.length > 4 ? Integer.parseInt(args[4]) : 4);
            return;
        }
        // a pause between orders shows the latency of an event that finds its consumer idle
        long pauseMillis = args.length > 1 ? Long.parseLong(args[1]) : 0;
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
        Map<String, String> typeOf = new HashMap<>();
        try (Connection orders = DriverManager.getConnection(PG + "orders", "postgres", "")) {
            var st = orders.prepareStatement("SELECT event_id::text, occurred_at, event_type FROM outbox WHERE aggregate_id = ANY (?)");
            st.setArray(1, orders.createArrayOf("varchar", orderIds.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    committed.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                    typeOf.put(rs.getString(1), rs.getString(3));
                }
            }
        }
        System.out.println("order commit -> customer-service effect:");
        report("customers", null, committed, sentAt(start.minusSeconds(10), committed.keySet()), typeOf, Map.of(PLACED, count));
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

    // ------------------------------------------------------------------ issue 8: every consumer of order-events

    static final String PG = "jdbc:postgresql://127.0.0.1:" + System.getenv().getOrDefault("PARUS_PG_PORT", "15432") + "/";
    static final String LACTOMIN_SECRET = System.getenv().getOrDefault("PARUS_LACTOMIN_SECRET", "dev-lactomin-secret");
    static final String PLACED = "ru.parus.order.OrderPlaced.v1";
    static final String CONFIRMED = "ru.parus.order.OrderConfirmed.v1";
    static final String OVERDUE = "ru.parus.order.OrderPaymentOverdue.v1";

    static void stack(int count, long pauseMillis, int overduePerScan, int clients) throws Exception {
        String date = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Moscow")).plusDays(3).toString();
        String cash = "{\"paymentMethod\":\"CASH_TO_COURIER\",\"deliveryMethod\":\"COURIER\",\"recipient\":{\"name\":\"Latency Probe\","
                + "\"phone\":\"+79123456789\"},\"address\":{\"postalCode\":\"620014\",\"city\":\"Екатеринбург\",\"street\":\"ул. Малышева\","
                + "\"house\":\"51\",\"apartment\":\"12\"},\"deliveryDate\":\"" + date + "\",\"windowFrom\":\"10:00\",\"windowTo\":\"14:00\"}";
        String online = "{\"paymentMethod\":\"ONLINE\",\"deliveryMethod\":\"PICKUP_POINT\",\"recipient\":{\"name\":\"Latency Probe\","
                + "\"phone\":\"+79123456789\"},\"pickupPointId\":\"CDEK-EKB-117\",\"deliveryDate\":\"" + date + "\","
                + "\"windowFrom\":\"10:00\",\"windowTo\":\"20:00\"}";
        String phone = "+7 912 " + (1000000 + (int) (Math.random() * 8999999));
        List<String> cashOrders = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> onlineOrders = java.util.Collections.synchronizedList(new ArrayList<>());
        Instant start = Instant.now();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            done.add(pool.submit(() -> {
                for (int i = client; i < 2 * count; i += clients) {
                    boolean isCash = i % 2 == 0;
                    String body = "{\"storefrontOrderNumber\":\"LAT-" + UUID.randomUUID() + "\",\"customer\":{\"name\":\"Latency Probe\","
                            + "\"phone\":\"" + phone + "\"},\"lines\":[{\"sku\":\"BAR-PROT-60\",\"quantity\":1,\"unitPriceKopecks\":12000}],"
                            + "\"terms\":" + (isCash ? cash : online) + "}";
                    String id = field(signedPost("http://127.0.0.1:8082/storefront/LACTOMIN/orders", body), "id");
                    (isCash ? cashOrders : onlineOrders).add(id);
                    if (pauseMillis > 0) {
                        Thread.sleep(pauseMillis);
                    }
                }
                return null;
            }));
        }
        for (var f : done) {
            f.get();
        }
        pool.shutdown();
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        System.out.printf("placed %d storefront orders (%d cash on delivery, %d online) in %.1f s (%.0f orders/s, %d clients)%n",
                cashOrders.size() + onlineOrders.size(), cashOrders.size(), onlineOrders.size(), seconds,
                (cashOrders.size() + onlineOrders.size()) / seconds, clients);

        // R15: the online orders become overdue, a slice every 5 s (the scan finds them within parus.scan.max-skip)
        try (Connection orders = DriverManager.getConnection(PG + "orders", "postgres", "")) {
            var age = orders.prepareStatement("UPDATE customer_order SET placed_at = placed_at - interval '2 days 1 minute' "
                    + "WHERE id = ANY (?) AND status = 'AWAITING_PAYMENT'");
            for (int from = 0; from < onlineOrders.size(); from += overduePerScan) {
                List<java.util.UUID> slice = onlineOrders.subList(from, Math.min(onlineOrders.size(), from + overduePerScan))
                        .stream().map(UUID::fromString).toList();
                age.setArray(1, orders.createArrayOf("uuid", slice.toArray()));
                age.executeUpdate();
                Thread.sleep(5000);
            }
        }
        List<String> all = new ArrayList<>(cashOrders);
        all.addAll(onlineOrders);
        Map<String, Instant> committed = new HashMap<>();
        Map<String, String> typeOf = new HashMap<>();
        Instant deadline = Instant.now().plusSeconds(120);
        try (Connection orders = DriverManager.getConnection(PG + "orders", "postgres", "")) {
            // wait for the last scan to claim the last slice
            while (true) {
                committed.clear();
                var st = orders.prepareStatement("SELECT event_id::text, occurred_at, event_type FROM outbox WHERE aggregate_id = ANY (?)");
                st.setArray(1, orders.createArrayOf("varchar", all.toArray()));
                long overdue = 0;
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        committed.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                        typeOf.put(rs.getString(1), rs.getString(3));
                        overdue += OVERDUE.equals(rs.getString(3)) ? 1 : 0;
                    }
                }
                if (overdue >= onlineOrders.size() || Instant.now().isAfter(deadline)) {
                    System.out.printf("order-service published %d OrderPaymentOverdue for %d online orders%n", overdue, onlineOrders.size());
                    break;
                }
                Thread.sleep(500);
            }
        }
        Map<String, Instant> sentAt = sentAt(start.minusSeconds(10), committed.keySet());
        report("callcenter", "callcenter-service.order-events", committed, sentAt, typeOf, Map.of(PLACED, all.size(), OVERDUE, onlineOrders.size()));
        // every storefront order here is confirmed at intake: the cash ones get a shipment at once (R12), the online ones
        // are kept in fulfillment's order_state until paid; both are OrderConfirmed in fulfillment's inbox
        report("fulfillment", "fulfillment-service.order-events", committed, sentAt, typeOf, Map.of(CONFIRMED, all.size()));
        report("customers", null, committed, sentAt, typeOf, Map.of(PLACED, all.size()));
        report("notifications", "notification-service.order-events", committed, sentAt, typeOf,
                Map.of(PLACED, all.size(), CONFIRMED, all.size(), OVERDUE, onlineOrders.size()));
        try (Connection cc = DriverManager.getConnection(PG + "callcenter", "postgres", "");
                Connection ff = DriverManager.getConnection(PG + "fulfillment", "postgres", "")) {
            System.out.printf("effects: %s; %s%n", effect(cc, "callcenter", onlineOrders), effect(ff, "fulfillment", cashOrders));
        }
    }

    /**
     * Reads order-events from the first record at or after {@code since} to the end, and returns when the producer
     * took each of {@code wanted} (the record's CreateTime, milliseconds): the split of commit -> effect into the
     * relay's part (occurred_at -> send) and the broker's and consumer's part (send -> inbox row).
     */
    static Map<String, Instant> sentAt(Instant since, java.util.Set<String> wanted) {
        java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", "127.0.0.1:" + System.getenv().getOrDefault("PARUS_KAFKA_PORT", "9092"));
        p.put("key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName());
        p.put("value.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName());
        p.put("enable.auto.commit", "false");
        Map<String, Instant> sent = new HashMap<>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(p)) {
            var partitions = consumer.partitionsFor("order-events").stream()
                    .map(i -> new org.apache.kafka.common.TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(tp -> query.put(tp, since.toEpochMilli()));
            var starts = consumer.offsetsForTimes(query);
            var ends = consumer.endOffsets(partitions);
            for (var tp : partitions) {
                var at = starts.get(tp);
                consumer.seek(tp, at == null ? ends.get(tp) : at.offset());
            }
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp)) && Instant.now().isBefore(deadline)) {
                for (var r : consumer.poll(Duration.ofSeconds(1))) {
                    var id = r.headers().lastHeader("ce_id");
                    if (id != null && wanted.contains(new String(id.value(), java.nio.charset.StandardCharsets.UTF_8))) {
                        sent.put(new String(id.value(), java.nio.charset.StandardCharsets.UTF_8), Instant.ofEpochMilli(r.timestamp()));
                    }
                }
            }
        }
        return sent;
    }

    /** The task and shipment rows themselves, by order id (the inbox rows say only that the event was applied). */
    static String effect(Connection db, String name, List<String> orderIds) throws Exception {
        String table = name.equals("callcenter") ? "call_task" : "shipment";
        var cols = db.getMetaData().getColumns(null, null, table, "order_id");
        if (!cols.next()) {
            return table + ": no order_id column, not checked";
        }
        var st = db.prepareStatement("SELECT count(*), count(DISTINCT order_id) FROM " + table + " WHERE order_id = ANY (?)"
                + (table.equals("call_task") ? " AND kind = 'UNPAID_ORDER'" : ""));
        st.setArray(1, db.createArrayOf("uuid", orderIds.stream().map(UUID::fromString).toArray()));
        try (ResultSet rs = st.executeQuery()) {
            rs.next();
            return String.format("%s rows %d for %d distinct orders of %d expected%s", table, rs.getLong(1), rs.getLong(2),
                    orderIds.size(), table.equals("call_task") ? " (UNPAID_ORDER)" : "");
        }
    }

    /** Latencies in microseconds of one consumer's events, by event type. */
    static final class Series {
        final Map<String, List<Long>> byType = new java.util.TreeMap<>();
        /** When each of the slowest events began (its order's commit), to see whether they fell together. */
        final Map<String, java.util.TreeMap<Long, Instant>> slowest = new java.util.TreeMap<>();

        void add(String type, Instant from, Instant to) {
            long micros = Duration.between(from, to).toNanos() / 1000;
            byType.computeIfAbsent(type, t -> new ArrayList<>()).add(micros);
            java.util.TreeMap<Long, Instant> top = slowest.computeIfAbsent(type, t -> new java.util.TreeMap<>());
            top.put(micros, from);
            if (top.size() > 3) {
                top.pollFirstEntry();
            }
        }

        /** The three slowest as "ms at HH:mm:ss.SSS" (UTC, the order's commit), slowest first. */
        String slowest(String type) {
            var f = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(java.time.ZoneOffset.UTC);
            return String.join(", ", slowest.getOrDefault(type, new java.util.TreeMap<>()).descendingMap().entrySet().stream()
                    .map(e -> String.format("%.1f at %s", e.getKey() / 1000.0, f.format(e.getValue()))).toList());
        }

        void clear() {
            byType.clear();
            slowest.clear();
        }

        List<Long> sorted(String type) {
            List<Long> l = byType.getOrDefault(type, new ArrayList<>());
            Collections.sort(l);
            return l;
        }
    }

    /**
     * Per event type: order commit -> the consumer's inbox row (written at the start of the event's effect, in the
     * consumer's batch transaction) and, where the server keeps commit timestamps ({@code track_commit_timestamp},
     * on in the local stack), -> the consumer's commit, when the effect becomes visible: that is the goal's figure.
     */
    static void report(String db, String consumer, Map<String, Instant> committed, Map<String, Instant> sentAt,
            Map<String, String> typeOf, Map<String, Integer> expected) throws Exception {
        Series inbox = new Series();
        Series visible = new Series();
        Series toSend = new Series();
        Series fromSend = new Series();
        Instant deadline = Instant.now().plusSeconds(120);
        try (Connection c = DriverManager.getConnection(PG + db, "postgres", "")) {
            boolean commitTimes;
            try (ResultSet rs = c.createStatement().executeQuery("SHOW track_commit_timestamp")) {
                commitTimes = rs.next() && "on".equals(rs.getString(1));
            }
            while (true) {
                for (Series series : List.of(inbox, visible, toSend, fromSend)) {
                    series.clear();
                }
                var st = c.prepareStatement("SELECT event_id, received_at, "
                        + (commitTimes ? "pg_xact_commit_timestamp(xmin)" : "NULL::timestamptz")
                        + " FROM inbox WHERE event_id = ANY (?)" + (consumer == null ? "" : " AND consumer = ?"));
                st.setArray(1, c.createArrayOf("varchar", committed.keySet().toArray()));
                if (consumer != null) {
                    st.setString(2, consumer);
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        String type = typeOf.get(id);
                        Instant received = rs.getTimestamp(2).toInstant();
                        inbox.add(type, committed.get(id), received);
                        if (rs.getTimestamp(3) != null) {
                            visible.add(type, committed.get(id), rs.getTimestamp(3).toInstant());
                        }
                        Instant sent = sentAt.get(id);
                        if (sent != null) {
                            toSend.add(type, committed.get(id), sent);
                            fromSend.add(type, sent, received);
                        }
                    }
                }
                boolean all = expected.entrySet().stream()
                        .allMatch(e -> inbox.byType.getOrDefault(e.getKey(), List.of()).size() >= e.getValue());
                if (all || Instant.now().isAfter(deadline)) {
                    break;
                }
                Thread.sleep(500);
            }
        }
        List<Long> every = new ArrayList<>();
        for (String type : inbox.byType.keySet()) {
            if (!expected.containsKey(type)) {
                continue;
            }
            List<Long> l = inbox.sorted(type);
            System.out.printf("  %-12s %-40s %6d of %6d: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (-> inbox row)%n", db,
                    type, l.size(), expected.get(type), pct(l, 50), pct(l, 90), pct(l, 99), l.get(l.size() - 1) / 1000.0);
            List<Long> relay = toSend.sorted(type);
            List<Long> rest = fromSend.sorted(type);
            if (!relay.isEmpty()) {
                System.out.printf("  %-12s %-40s commit -> send p50 %.1f, p99 %.1f ms; send -> inbox p50 %.1f, p99 %.1f ms%n", "",
                        "  of which (record timestamp, 1 ms)", pct(relay, 50), pct(relay, 99), pct(rest, 50), pct(rest, 99));
            }
            List<Long> effect = visible.sorted(type);
            if (!effect.isEmpty()) {
                System.out.printf("  %-12s %-40s %6d of %6d: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (-> consumer's commit)%n",
                        "", "", effect.size(), expected.get(type), pct(effect, 50), pct(effect, 90), pct(effect, 99),
                        effect.get(effect.size() - 1) / 1000.0);
                System.out.printf("  %-12s %-40s slowest: %s%n", "", "", visible.slowest(type));
            }
            every.addAll(effect.isEmpty() ? l : effect);
        }
        if (!every.isEmpty()) {
            Collections.sort(every);
            System.out.printf("  %-12s %-40s %6d events: p50 %.1f ms, p99 %.1f ms (%s); goal p99 < 50 ms: %s%n", db, "(all)",
                    every.size(), pct(every, 50), pct(every, 99), visible.byType.isEmpty() ? "-> inbox row" : "-> consumer's commit",
                    pct(every, 99) < 50 ? "met" : "NOT met");
        }
    }

    static String signedPost(String url, String json) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(LACTOMIN_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = java.util.HexFormat.of().formatHex(mac.doFinal(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("X-Parus-Signature", signature).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
