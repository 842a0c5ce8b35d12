package ru.parus.order;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

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
import ru.parus.infra.test.TestKafka;
import ru.parus.platform.testing.EventSchemas;

/** Issue 14: GET /orders/{id}/stream, an order's status changes as server-sent events; access checked at the start. */
@QuarkusTest
class OrderStreamTest {
    static final String MANAGER_1 = Orders.MANAGER; // manager-1
    static final String MANAGER_2 = TestInfra.token("manager-2", "MANAGER");

    @Inject
    ObjectMapper mapper;
    @Inject
    EntityManager em;

    /** An order of a customer customer-service gave to manager-1, terms agreed and offers answered (R7): NEW. */
    String managerOnesOrder() throws Exception {
        UUID customer = UUID.randomUUID();
        ObjectNode e = (ObjectNode) mapper.readTree(EventSchemas.examples("CustomerRegistered.v1").get(0));
        e.put("customerId", customer.toString());
        e.put("ownerManagerId", "manager-1");
        TestKafka.send("customer-events", customer.toString(), e.toString(),
                TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), "ru.parus.customer.CustomerRegistered.v1"));
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("SELECT owner_manager_id FROM access_customer_owner WHERE customer_id = ?1")
                .setParameter(1, customer).getResultList()).contains("manager-1"));
        String id = OrderAccessTest.placeWithTerms(MANAGER_1, customer);
        for (String sku : new String[] { "SHAKER-700", "OMEGA3-90" }) {
            given().auth().oauth2(MANAGER_1).contentType(ContentType.JSON)
                    .body("{\"sku\":\"" + sku + "\",\"answer\":\"DECLINED\"}")
                    .post("/orders/{id}/offers", id).then().statusCode(201);
        }
        return id;
    }

    JsonNode data(SseClient.Event e) {
        try {
            return mapper.readTree(e.data());
        } catch (Exception ex) {
            throw new AssertionError(ex);
        }
    }

    @Test
    void R5_confirmingAnOrderSendsItsNewStatusOnTheOpenStream() throws Exception {
        String id = managerOnesOrder();
        try (SseClient stream = SseClient.open("/orders/" + id + "/stream", MANAGER_1)) {
            assertEquals(200, stream.status);
            long confirming = System.nanoTime();
            Orders.confirm(id).statusCode(200);
            long answered = System.nanoTime();
            SseClient.Event e = stream.next(x -> true, Duration.ofSeconds(5));
            assertNotNull(e, "the status change came");
            System.out.println("order stream latency: confirm answered -> event on the stream: "
                    + (e.receivedNanos() - answered) / 1_000_000 + " ms (request took "
                    + (answered - confirming) / 1_000_000 + " ms)");
            assertEquals("order-status", e.name());
            JsonNode d = data(e);
            assertEquals(id, d.path("orderId").asText());
            assertEquals("NEW", d.path("fromStatus").asText());
            assertEquals("CONFIRMED", d.path("status").asText());
            assertEquals(e.id(), d.path("id").asText());
            assertTrue(!d.has("terms") && !d.has("recipient") && !d.has("details"), "R24: no personal data: " + d);
        }
    }

    @Test
    void R24_anotherManagersOrderIsA403AnUnknownOneA404AndNoTokenA401BeforeTheStreamOpens() throws Exception {
        String id = managerOnesOrder();
        try (SseClient other = SseClient.open("/orders/" + id + "/stream", MANAGER_2)) {
            assertEquals(403, other.status);
            assertTrue(other.contentType.startsWith("application/problem+json"), other.contentType);
            assertEquals("urn:parus:problem:forbidden", mapper.readTree(other.body).path("type").asText());
        }
        try (SseClient unknown = SseClient.open("/orders/" + UUID.randomUUID() + "/stream", MANAGER_2)) {
            assertEquals(404, unknown.status);
            assertEquals("urn:parus:problem:not-found", mapper.readTree(unknown.body).path("type").asText());
        }
        try (SseClient anonymous = SseClient.open("/orders/" + id + "/stream", null)) {
            assertEquals(401, anonymous.status);
            assertTrue(anonymous.contentType.startsWith("application/problem+json"), anonymous.contentType);
        }
        try (SseClient head = SseClient.open("/orders/" + id + "/stream", Orders.HEAD)) {
            assertEquals(200, head.status, "R24: the head follows every order");
        }
    }

    @Test
    void aReconnectWithLastEventIdMissesNothing() throws Exception {
        String id = managerOnesOrder();
        String lastEventId;
        try (SseClient stream = SseClient.open("/orders/" + id + "/stream", MANAGER_1)) {
            Orders.confirm(id).statusCode(200);
            SseClient.Event confirmed = stream.next(x -> true, Duration.ofSeconds(5));
            assertNotNull(confirmed);
            lastEventId = confirmed.id();
        }
        Orders.transition(id, "IN_FULFILLMENT").statusCode(200);
        Orders.transition(id, "READY").statusCode(200);
        try (SseClient resumed = SseClient.open("/orders/" + id + "/stream", MANAGER_1, "Last-Event-ID", lastEventId)) {
            List<SseClient.Event> events = resumed.all(x -> true, Duration.ofSeconds(2));
            assertEquals(List.of("IN_FULFILLMENT", "READY"),
                    events.stream().map(e -> data(e).path("status").asText()).toList(),
                    "exactly the two changes made while away, in order");
        }
    }
}
