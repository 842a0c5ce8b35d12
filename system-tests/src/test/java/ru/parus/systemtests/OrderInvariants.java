package ru.parus.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.parus.systemtests.RunningStack.CUSTOMER;
import static ru.parus.systemtests.RunningStack.url;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.restassured.http.ContentType;
import ru.parus.infra.test.TestInfra;
import ru.parus.infra.test.TestKafka;

/**
 * What must hold after any fault, for the orders of one {@link OrderStream} (one customer): every accepted order is in
 * the orders database exactly once, nothing is left unsent in its outbox, its OrderPlaced is on order-events under
 * exactly one event id (copies of the same record may be delivered again: consumers drop them by ce_id),
 * customer-service counted each order once, and the dead-letter topics hold only the poison records the tests put on
 * order-events themselves ({@link #injectPoison()}): a fault must never send a good event to a DLQ.
 */
final class OrderInvariants {
    static final String ORDER_PLACED = "ru.parus.order.OrderPlaced.v1";
    /** customer-service's dead-letter topic for order-events, where an unreadable OrderPlaced ends. */
    static final String CUSTOMER_ORDER_DLQ = "order-events.customer-service.dlq";
    /** ce_ids of the poison records the tests injected, in this JVM. */
    static final Set<String> INJECTED_POISON = ConcurrentHashMap.newKeySet();
    static final Duration SETTLE = Duration.ofSeconds(120); // a killed consumer leaves its group only after the session timeout (45 s)

    /** The figures of one check, printed by the tests. */
    record Figures(int accepted, int rowsInDatabase, int records, int distinctEvents, int duplicateRecords,
            int customerOrderCount, int deadLetters, Duration settledAfter) {
        @Override
        public String toString() {
            return String.format("orders accepted %d, rows in orders db %d, OrderPlaced records %d (distinct ce_id %d,"
                    + " duplicate records delivered %d), customer-service orderCount %d, dead letters %d (all injected"
                    + " poison), all settled %d ms after the stream ended", accepted, rowsInDatabase, records,
                    distinctEvents, duplicateRecords, customerOrderCount, deadLetters, settledAfter.toMillis());
        }
    }

    private OrderInvariants() {
    }

    static String registerCustomer(String headToken) {
        String phone = "+7 9" + (10 + (int) (Math.random() * 89)) + " " + (100 + (int) (Math.random() * 899)) + "-"
                + (10 + (int) (Math.random() * 89)) + "-" + (10 + (int) (Math.random() * 89));
        return given().baseUri(url(CUSTOMER)).auth().oauth2(headToken).contentType(ContentType.JSON)
                .body("""
                        {"name":"Fault Probe","phone":"%s","type":"FITNESS"}""".formatted(phone))
                .when().post("/customers")
                .then().statusCode(201).extract().path("id");
    }

    /**
     * Puts an OrderPlaced on order-events that no consumer can read (no orderId, customerId or placedAt), as a buggy
     * producer might; customer-service must park it in its DLQ and go on.
     */
    static String injectPoison() throws Exception {
        String id = UUID.randomUUID().toString();
        INJECTED_POISON.add(id);
        TestKafka.send("order-events", UUID.randomUUID().toString(),
                "{\"orderId\":null,\"poisonInjectedByTest\":\"" + id + "\"}",
                TestKafka.cloudEventHeaders(id, ORDER_PLACED));
        return id;
    }

    static Figures check(OrderStream stream, String customerId, String headToken) throws Exception {
        long t0 = System.nanoTime();
        Map<String, String> accepted = Map.copyOf(stream.accepted);
        assertEquals(Map.of(), stream.unanswered, "every order the clients started was placed in the end");
        Set<String> orderIds = new HashSet<>(accepted.values());
        assertEquals(accepted.size(), orderIds.size(), "one order per Idempotency-Key");

        // 1. the orders database: each accepted order once, under its key; no order the clients do not know of
        Map<String, String> rows = new HashMap<>();
        try (Connection db = DriverManager.getConnection(TestInfra.database("orders"), TestInfra.databaseUser(), TestInfra.databasePassword());
                PreparedStatement q = db.prepareStatement(
                        "SELECT idempotency_key, id FROM customer_order WHERE customer_id = ?")) {
            q.setObject(1, UUID.fromString(customerId));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String previous = rows.put(rs.getString(1), rs.getString(2));
                    assertEquals(null, previous, "key " + rs.getString(1) + " placed twice");
                }
            }
            assertEquals(accepted, rows, "the orders database holds exactly the accepted orders");
            // 2. the outbox drains
            awaitZero(db, "SELECT count(*) FROM outbox WHERE sent_at IS NULL", "unsent outbox rows in the orders db");
        }

        // 3. the topic: one event id per order, any number of copies of it
        Map<String, Set<String>> eventIds = new TreeMap<>();
        int records = 0;
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (true) {
            eventIds.clear();
            records = 0;
            for (ConsumerRecord<String, String> r : TestKafka.readAll("order-events")) {
                if (ORDER_PLACED.equals(TestKafka.header(r, "ce_type")) && orderIds.contains(r.key())) {
                    eventIds.computeIfAbsent(r.key(), k -> new HashSet<>()).add(TestKafka.header(r, "ce_id"));
                    records++;
                }
            }
            if (eventIds.size() == orderIds.size() || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(500);
        }
        Set<String> missing = new HashSet<>(orderIds);
        missing.removeAll(eventIds.keySet());
        assertEquals(Set.of(), missing, "orders without an OrderPlaced on order-events");
        List<String> twoEvents = new ArrayList<>();
        eventIds.forEach((order, ids) -> {
            if (ids.size() != 1) {
                twoEvents.add(order + " " + ids);
            }
        });
        assertEquals(List.of(), twoEvents, "orders with more than one OrderPlaced event id");

        // 4. customer-service counted each order once
        int count = -1;
        deadline = System.nanoTime() + SETTLE.toNanos();
        while (System.nanoTime() < deadline) {
            count = given().baseUri(url(CUSTOMER)).auth().oauth2(headToken).get("/customers/{id}", customerId)
                    .then().statusCode(200).extract().path("orderCount");
            if (count >= accepted.size()) {
                break;
            }
            Thread.sleep(200);
        }
        Thread.sleep(1000); // a duplicate counted twice would show now
        count = given().baseUri(url(CUSTOMER)).auth().oauth2(headToken).get("/customers/{id}", customerId)
                .then().statusCode(200).extract().path("orderCount");
        assertEquals(accepted.size(), count, "customer-service's orderCount equals the distinct orders");
        assertTrue(records >= accepted.size());

        // 5. the dead-letter topics: the injected poison reached customer-service's, and nothing else is in any
        int deadLetters = checkDeadLetters();
        return new Figures(accepted.size(), rows.size(), records, eventIds.size(), records - eventIds.size(), count,
                deadLetters, Duration.ofNanos(System.nanoTime() - t0));
    }

    static int checkDeadLetters() throws Exception {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (true) {
            Set<String> parked = new HashSet<>();
            List<String> unexpected = new ArrayList<>();
            int total = 0;
            for (String topic : deadLetterTopics()) {
                for (ConsumerRecord<String, String> r : TestKafka.readAll(topic)) {
                    total++;
                    String id = TestKafka.header(r, "ce_id");
                    if (INJECTED_POISON.contains(id)) {
                        if (topic.equals(CUSTOMER_ORDER_DLQ)) {
                            parked.add(id);
                        }
                    } else {
                        unexpected.add(topic + " " + TestKafka.header(r, "ce_type") + " " + id);
                    }
                }
            }
            assertEquals(List.of(), unexpected, "dead letters the tests did not inject");
            if (parked.containsAll(INJECTED_POISON)) {
                return total;
            }
            if (System.nanoTime() > deadline) {
                Set<String> missing = new HashSet<>(INJECTED_POISON);
                missing.removeAll(parked);
                throw new AssertionError("injected poison not in " + CUSTOMER_ORDER_DLQ + ": " + missing);
            }
            Thread.sleep(500);
        }
    }

    private static List<String> deadLetterTopics() {
        return TestKafka.topics().stream().filter(t -> t.endsWith(".dlq")).sorted().toList();
    }

    private static void awaitZero(Connection db, String sql, String what) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        long n = -1;
        while (System.nanoTime() < deadline) {
            try (PreparedStatement q = db.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
                rs.next();
                n = rs.getLong(1);
            }
            if (n == 0) {
                return;
            }
            Thread.sleep(200);
        }
        assertEquals(0, n, what + " after " + SETTLE.toSeconds() + " s");
    }
}
