package ru.parus.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import ru.parus.infra.test.TestInfra;
import ru.parus.infra.test.TestKafka;

/**
 * What must hold after a fault for a storefront {@link OrderStream} (orders confirmed at intake): every accepted order
 * is in the orders database once under its storefront number, fulfillment-service made exactly one shipment for each
 * and published one ShipmentCreated (one ce_id) for it, callcenter-service's order projection knows each order, both
 * outboxes drain, and the dead-letter topics hold only injected poison.
 */
final class ShipmentInvariants {
    static final String SHIPMENT_CREATED = "ru.parus.fulfillment.ShipmentCreated.v1";
    static final Duration STALLED = Duration.ofSeconds(60);

    record Figures(int accepted, int shipments, int shipmentCreatedRecords, int callcenterOrders, int deadLetters,
            Duration settledAfter) {
        @Override
        public String toString() {
            return String.format("storefront orders accepted %d, shipments %d (ShipmentCreated records %d, one ce_id"
                    + " each), orders known to callcenter-service %d, dead letters %d (all injected poison), all"
                    + " settled %d ms after the stream ended", accepted, shipments, shipmentCreatedRecords,
                    callcenterOrders, deadLetters, settledAfter.toMillis());
        }
    }

    private ShipmentInvariants() {
    }

    static Figures check(OrderStream stream) throws Exception {
        long t0 = System.nanoTime();
        Map<String, String> accepted = Map.copyOf(stream.accepted);
        assertEquals(Map.of(), stream.unanswered, "every order the clients started was placed in the end");
        List<UUID> orderIds = accepted.values().stream().map(UUID::fromString).toList();
        assertEquals(accepted.size(), new HashSet<>(orderIds).size(), "one order per storefront number");

        try (Connection orders = connect("orders")) {
            Map<String, String> rows = new HashMap<>();
            try (PreparedStatement q = orders.prepareStatement("SELECT storefront_order_number, id FROM customer_order"
                    + " WHERE channel = 'LACTOMIN' AND storefront_order_number = ANY (?)")) {
                q.setArray(1, orders.createArrayOf("varchar", accepted.keySet().toArray()));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        rows.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            assertEquals(accepted, rows, "the orders database holds exactly the accepted storefront orders");
            awaitCount(orders, "SELECT count(*) FROM outbox WHERE sent_at IS NULL", null, 0, "unsent rows in orders' outbox");
        }
        int shipments;
        try (Connection fulfillment = connect("fulfillment")) {
            shipments = awaitCount(fulfillment, "SELECT count(*) FROM shipment WHERE order_id = ANY (?)", orderIds,
                    orderIds.size(), "shipments of the accepted orders (order_id is unique: at most one each)");
            awaitCount(fulfillment, "SELECT count(*) FROM outbox WHERE sent_at IS NULL", null, 0,
                    "unsent rows in fulfillment's outbox");
        }
        int callcenterOrders;
        try (Connection callcenter = connect("callcenter")) {
            callcenterOrders = awaitCount(callcenter, "SELECT count(*) FROM order_projection WHERE order_id = ANY (?)",
                    orderIds, orderIds.size(), "accepted orders in callcenter-service's order projection");
        }

        Map<String, Set<String>> eventIds = new HashMap<>();
        int records = 0;
        Set<String> wanted = new HashSet<>(accepted.values());
        for (ConsumerRecord<String, String> r : TestKafka.readAll("fulfillment-events")) {
            if (SHIPMENT_CREATED.equals(TestKafka.header(r, "ce_type")) && wanted.contains(r.key())) {
                eventIds.computeIfAbsent(r.key(), k -> new HashSet<>()).add(TestKafka.header(r, "ce_id"));
                records++;
            }
        }
        assertEquals(wanted, eventIds.keySet(), "orders with a ShipmentCreated on fulfillment-events");
        List<String> twice = new ArrayList<>();
        eventIds.forEach((order, ids) -> {
            if (ids.size() != 1) {
                twice.add(order + " " + ids);
            }
        });
        assertEquals(List.of(), twice, "orders with more than one ShipmentCreated event id");
        int deadLetters = OrderInvariants.checkDeadLetters();
        // every new buyer was registered by customer-service and the others read their events: no backlog is left
        // for the tests that run next
        ConsumerLag.awaitCaughtUp("order-events", "customer-service", "callcenter-service", "notification-service");
        return new Figures(accepted.size(), shipments, records, callcenterOrders, deadLetters,
                Duration.ofNanos(System.nanoTime() - t0));
    }

    private static Connection connect(String database) throws Exception {
        return DriverManager.getConnection(TestInfra.database(database), TestInfra.databaseUser(), TestInfra.databasePassword());
    }

    /**
     * Waits until the count reaches {@code expected}, as long as it keeps moving: a consumer working off a backlog
     * of thousands (it was killed while the stream went on) is slow, not wrong; a count that stands still for
     * {@link #STALLED} is a loss. Returns the last count read.
     */
    private static int awaitCount(Connection db, String sql, List<UUID> ids, int expected, String what)
            throws Exception {
        long lastMove = System.nanoTime();
        int n = -1;
        while (true) {
            int previous = n;
            try (PreparedStatement q = db.prepareStatement(sql)) {
                if (ids != null) {
                    Array array = db.createArrayOf("uuid", ids.toArray());
                    q.setArray(1, array);
                }
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    n = rs.getInt(1);
                }
            }
            if (n != previous) {
                lastMove = System.nanoTime();
            }
            if (n == expected || System.nanoTime() - lastMove > STALLED.toNanos()) {
                break;
            }
            Thread.sleep(300);
        }
        assertEquals(expected, n, what);
        return n;
    }
}
