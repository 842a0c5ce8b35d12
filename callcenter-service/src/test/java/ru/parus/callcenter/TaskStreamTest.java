package ru.parus.callcenter;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.parus.callcenter.Events.example;
import static ru.parus.callcenter.Events.id;
import static ru.parus.callcenter.Events.send;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ru.parus.infra.test.SseClient;
import ru.parus.infra.test.TestInfra;

/** Issue 14: GET /tasks/stream, the manager's queue as server-sent events, scoped like the reads (R24, R22). */
@QuarkusTest
class TaskStreamTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    static String manager() {
        return "manager-" + id().substring(0, 8);
    }

    static String token(String manager) {
        return TestInfra.token(manager, "MANAGER");
    }

    /** A customer owned by {@code owner} with an order, both known to this service; returns the order id. */
    String orderOf(String owner) throws Exception {
        String customer = Events.registerCustomer(id(), owner);
        Events.awaitRow(em, "customer_projection", "customer_id", customer);
        String order = id();
        ObjectNode placed = example("OrderPlaced");
        placed.put("orderId", order);
        placed.put("customerId", customer);
        send("order-events", order, "order", "OrderPlaced", id(), placed);
        Events.awaitRow(em, "order_projection", "order_id", order);
        return order;
    }

    /** R13: the order is packed for the courier: an ORDER_READY call for the owner. Returns the shipment id. */
    static String packed(String order) throws Exception {
        String shipment = id();
        ObjectNode e = example("ShipmentPacked");
        e.put("shipmentId", shipment);
        e.put("orderId", order);
        e.put("deliveryMethod", "COURIER");
        send("fulfillment-events", order, "fulfillment", "ShipmentPacked", id(), e);
        return shipment;
    }

    /** The task made for the shipment, once its row exists (committed); polled every 10 ms. */
    String awaitTask(String shipment) {
        String[] task = new String[1];
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(10)).until(() -> {
            List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "SELECT CAST(id AS VARCHAR) FROM call_task WHERE cause = ?1").setParameter(1, "shipment:" + shipment)
                    .getResultList());
            task[0] = rows.isEmpty() ? null : (String) rows.get(0);
            return task[0] != null;
        });
        return task[0];
    }

    static JsonNode data(SseClient.Event e) {
        try {
            return JSON.readTree(e.data());
        } catch (Exception ex) {
            throw new AssertionError(ex);
        }
    }

    static boolean about(SseClient.Event e, String taskId) {
        return taskId.equals(data(e).path("taskId").asText());
    }

    @Test
    void R13_aTaskCreatedByAnEventAppearsOnTheAssigneesOpenStreamWithinASecond() throws Exception {
        String a = manager();
        String order = orderOf(a);
        try (SseClient stream = SseClient.open("/tasks/stream", token(a))) {
            assertEquals(200, stream.status);
            long sent = System.nanoTime();
            String shipment = packed(order);
            String taskId = awaitTask(shipment);
            long rowSeen = System.nanoTime();
            SseClient.Event created = stream.next(e -> about(e, taskId), Duration.ofSeconds(5));
            assertNotNull(created, "the task-created event came");
            long afterRowMs = (created.receivedNanos() - rowSeen) / 1_000_000;
            System.out.println("stream latency: task row committed (seen by a 10 ms poll) -> event on the stream: "
                    + afterRowMs + " ms; event on the topic -> event on the stream: "
                    + (created.receivedNanos() - sent) / 1_000_000 + " ms");
            assertTrue(afterRowMs < 1000, "within a second of the task row existing, was " + afterRowMs + " ms");

            assertEquals("task-created", created.name());
            JsonNode d = data(created);
            assertEquals(created.id(), d.path("id").asText(), "the SSE id is the change's id");
            assertEquals("ORDER_READY", d.path("kind").asText());
            assertEquals("OPEN", d.path("status").asText());
            assertEquals(a, d.path("assignee").asText());
            assertTrue(d.hasNonNull("customerId") && d.hasNonNull("dueAt") && d.hasNonNull("changedAt"), d.toString());
            assertTrue(!d.has("phone") && !d.has("name") && !d.has("note"), "R24: no personal data in the stream");
        }
    }

    @Test
    void R24_anotherManagersStreamNeverShowsIt() throws Exception {
        String a = manager();
        String b = manager();
        String order = orderOf(a);
        try (SseClient mine = SseClient.open("/tasks/stream", token(a));
                SseClient others = SseClient.open("/tasks/stream", token(b));
                SseClient head = SseClient.open("/tasks/stream", TestInfra.token("head-1", "HEAD"))) {
            String taskId = awaitTask(packed(order));
            assertNotNull(mine.next(e -> about(e, taskId), Duration.ofSeconds(5)), "the assignee's stream shows it");
            assertNotNull(head.next(e -> about(e, taskId), Duration.ofSeconds(5)), "R24: the head's stream shows every task");
            assertEquals(List.of(), others.all(e -> about(e, taskId), Duration.ofSeconds(3)),
                    "R24: another manager's stream never shows it");
        }
    }

    @Test
    void R24_theStreamNeedsATokenAndAStaffRole() throws Exception {
        try (SseClient anonymous = SseClient.open("/tasks/stream", null)) {
            assertEquals(401, anonymous.status);
            assertTrue(anonymous.contentType.startsWith("application/problem+json"), anonymous.contentType);
        }
        try (SseClient warehouse = SseClient.open("/tasks/stream", TestInfra.token("wh-1", "WAREHOUSE"))) {
            assertEquals(403, warehouse.status);
            assertTrue(warehouse.body.contains("urn:parus:problem:forbidden"), warehouse.body);
        }
        try (SseClient bad = SseClient.open("/tasks/stream", token(manager()), "Last-Event-ID", "yesterday")) {
            assertEquals(400, bad.status);
            assertTrue(bad.body.contains("urn:parus:problem:validation"), bad.body);
        }
    }

    @Test
    void aReconnectWithLastEventIdMissesNothing() throws Exception {
        String a = manager();
        String order = orderOf(a);
        String first;
        String lastEventId;
        try (SseClient stream = SseClient.open("/tasks/stream", token(a))) {
            first = awaitTask(packed(order));
            String taskId = first;
            SseClient.Event created = stream.next(e -> about(e, taskId), Duration.ofSeconds(5));
            assertNotNull(created);
            lastEventId = created.id();
        }
        // while disconnected: the first task is completed, and a second one is made
        given().auth().oauth2(token(a)).contentType(ContentType.JSON)
                .body("{\"outcome\":\"REACHED_AGREED\",\"note\":\"оплатит курьеру\"}")
                .post("/tasks/{id}/complete", first).then().statusCode(200);
        String second = awaitTask(packed(order));

        try (SseClient resumed = SseClient.open("/tasks/stream", token(a), "Last-Event-ID", lastEventId)) {
            List<SseClient.Event> events = resumed.all(e -> true, Duration.ofSeconds(3));
            assertEquals(List.of("task-completed " + first, "task-created " + second),
                    events.stream().map(e -> e.name() + " " + data(e).path("taskId").asText()).toList(),
                    "exactly the two changes made while away, in order");
            assertEquals("DONE", data(events.get(0)).path("status").asText());
            assertTrue(Long.parseLong(events.get(0).id()) > Long.parseLong(lastEventId));
        }
        // the same through the query parameter, for clients that cannot set the header
        try (SseClient resumed = SseClient.open("/tasks/stream?lastEventId=" + lastEventId, token(a))) {
            assertEquals(2, resumed.all(e -> true, Duration.ofSeconds(2)).size());
        }
    }
}
