package ru.parus.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static ru.parus.systemtests.RunningStack.CALLCENTER;
import static ru.parus.systemtests.RunningStack.CUSTOMER;
import static ru.parus.systemtests.RunningStack.ORDER;
import static ru.parus.systemtests.RunningStack.url;

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
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import ru.parus.infra.test.TestInfra;
import ru.parus.infra.test.TestKafka;

/**
 * Issue 8: with two replicas of order-service, customer-service and callcenter-service running, the schedulers fire
 * once: each unpaid online order gets one OrderPaymentOverdue (R15) and each customer past the dormancy threshold one
 * CustomerDormant (R14), and callcenter-service, its two replicas sharing the partitions, makes one call task for each
 * (R14, R15). The thresholds are crossed by moving the rows' times back in the databases, as time would.
 */
@ExtendWith(RunningStack.class)
class SchedulersWithReplicasTest {
    static final int EACH = 10;
    static final String OVERDUE = "ru.parus.order.OrderPaymentOverdue.v1";
    static final String DORMANT = "ru.parus.customer.CustomerDormant.v1";

    final String head = TestInfra.token("head-1", "HEAD");

    @Test
    void R14_R15_twoReplicasOfEachScannerAndConsumerPublishOneEventAndMakeOneTaskPerCause() throws Exception {
        List<String> replicas = new ArrayList<>();
        try {
            for (String service : List.of(ORDER, CUSTOMER, CALLCENTER)) {
                replicas.add(RunningStack.startReplica(service, 2));
            }
            List<UUID> customers = new ArrayList<>();
            List<UUID> orders = new ArrayList<>();
            for (int i = 0; i < EACH; i++) {
                customers.add(UUID.fromString(registerCustomer()));
                orders.add(UUID.fromString(placeUnpaidOnlineOrder()));
            }
            // time passes: seven months without orders, three days unpaid
            update("customers", "UPDATE customer SET active_at = now() - interval '7 months' WHERE id = ANY (?)",
                    customers);
            update("orders", "UPDATE customer_order SET placed_at = now() - interval '3 days' WHERE id = ANY (?)",
                    orders);

            Map<String, Set<String>> overdue = awaitEvents("order-events", OVERDUE, orders);
            Map<String, Set<String>> dormant = awaitEvents("customer-events", DORMANT, customers);
            Thread.sleep(Duration.ofSeconds(12).toMillis()); // two more scan periods on each replica
            overdue = awaitEvents("order-events", OVERDUE, orders);
            dormant = awaitEvents("customer-events", DORMANT, customers);
            assertEquals(oneEach(orders), counts(overdue), "OrderPaymentOverdue event ids per order");
            assertEquals(oneEach(customers), counts(dormant), "CustomerDormant event ids per customer");

            assertEquals(oneEach(orders), awaitTasks("UNPAID_ORDER", "order_id", orders), "UNPAID_ORDER tasks per order");
            assertEquals(oneEach(customers), awaitTasks("REACTIVATION", "customer_id", customers),
                    "REACTIVATION tasks per customer");
            System.out.printf("[replicas] two replicas each of order, customer and callcenter-service: %d orders overdue,"
                    + " %d customers dormant, one event and one task each%n", orders.size(), customers.size());
        } finally {
            for (String replica : replicas) {
                RunningStack.stop(replica, true);
            }
        }
    }

    private String registerCustomer() {
        String phone = "+7 9" + ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999);
        return given().baseUri(url(CUSTOMER)).auth().oauth2(head).contentType(ContentType.JSON)
                .body("""
                        {"name":"Replica Probe","phone":"%s","type":"ATHLETE"}""".formatted(phone))
                .when().post("/customers").then().statusCode(201).extract().path("id");
    }

    /** A storefront order paid online, not yet paid: R15's candidate once it is two days old. */
    private static String placeUnpaidOnlineOrder() {
        String phone = "+7 9" + ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999);
        String body = """
                {"storefrontOrderNumber":"LM-replica-%s","customer":{"name":"Replica Buyer","phone":"%s","email":null},
                 "lines":[{"sku":"WHEY-CHOC-900","quantity":1}],
                 "terms":{"paymentMethod":"ONLINE","deliveryMethod":"PICKUP_POINT","pickupPointId":"CDEK-1"}}"""
                .formatted(UUID.randomUUID(), phone);
        return given().baseUri(url(ORDER)).contentType(ContentType.JSON)
                .header("X-Parus-Signature", OrderStream.signLactomin(body))
                .body(body).when().post("/storefront/LACTOMIN/orders").then().statusCode(201).extract().path("id");
    }

    private static void update(String database, String sql, List<UUID> ids) throws Exception {
        try (Connection db = DriverManager.getConnection(TestInfra.database(database), TestInfra.databaseUser(), TestInfra.databasePassword());
                PreparedStatement q = db.prepareStatement(sql)) {
            q.setArray(1, db.createArrayOf("uuid", ids.toArray()));
            assertEquals(ids.size(), q.executeUpdate(), sql);
        }
    }

    /** Event ids per aggregate key of this type, once every key has at least one (or after two minutes). */
    private static Map<String, Set<String>> awaitEvents(String topic, String type, List<UUID> keys) throws Exception {
        Set<String> wanted = new HashSet<>();
        keys.forEach(k -> wanted.add(k.toString()));
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            Map<String, Set<String>> ids = new HashMap<>();
            for (ConsumerRecord<String, String> r : TestKafka.readAll(topic)) {
                if (type.equals(TestKafka.header(r, "ce_type")) && wanted.contains(r.key())) {
                    ids.computeIfAbsent(r.key(), k -> new HashSet<>()).add(TestKafka.header(r, "ce_id"));
                }
            }
            if (ids.keySet().equals(wanted) || System.nanoTime() > deadline) {
                return ids;
            }
            Thread.sleep(500);
        }
    }

    /** Open or done tasks of a kind per order or customer, once every one has a task (or after two minutes). */
    private static Map<String, Integer> awaitTasks(String kind, String column, List<UUID> ids) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        try (Connection db = DriverManager.getConnection(TestInfra.database("callcenter"), TestInfra.databaseUser(), TestInfra.databasePassword())) {
            while (true) {
                Map<String, Integer> counts = new HashMap<>();
                try (PreparedStatement q = db.prepareStatement("SELECT " + column + ", count(*) FROM call_task"
                        + " WHERE kind = ? AND " + column + " = ANY (?) GROUP BY " + column)) {
                    q.setString(1, kind);
                    q.setArray(2, db.createArrayOf("uuid", ids.toArray()));
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            counts.put(rs.getString(1), rs.getInt(2));
                        }
                    }
                }
                if (counts.size() == ids.size() || System.nanoTime() > deadline) {
                    return counts;
                }
                Thread.sleep(500);
            }
        }
    }

    private static Map<String, Integer> oneEach(List<UUID> ids) {
        Map<String, Integer> one = new HashMap<>();
        ids.forEach(id -> one.put(id.toString(), 1));
        return one;
    }

    private static Map<String, Integer> counts(Map<String, Set<String>> ids) {
        Map<String, Integer> counts = new HashMap<>();
        ids.forEach((k, v) -> counts.put(k, v.size()));
        return counts;
    }
}
