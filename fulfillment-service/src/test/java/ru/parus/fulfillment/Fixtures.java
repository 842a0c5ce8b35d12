package ru.parus.fulfillment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import jakarta.persistence.EntityManager;
import ru.parus.infra.test.TestInfra;
import ru.parus.infra.test.TestKafka;
import ru.parus.platform.testing.EventSchemas;

/** Test input built from the producers' schema examples, and reading what this service published. */
final class Fixtures {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String WAREHOUSE = TestInfra.token("wh-1", "WAREHOUSE");
    static final String MANAGER = TestInfra.token("manager-1", "MANAGER");
    static final String HEAD = TestInfra.token("head-1", "HEAD");
    static final String CONFIRMED = "ru.parus.order.OrderConfirmed.v1";
    static final String PAID = "ru.parus.order.OrderPaid.v1";
    static final String CANCELLED = "ru.parus.order.OrderCancelled.v1";
    static final String TOPIC = "fulfillment-events";
    static final String AUDIT_TOPIC = "audit-events";
    static final String ACCESSED = "ru.parus.audit.PersonalDataAccessed.v1";
    static final String CUSTOMER_EVENTS = "fulfillment-service.customer-events";
    static final String CALLCENTER_EVENTS = "fulfillment-service.callcenter-events";

    private Fixtures() {
    }

    static ObjectNode example(String schema, UUID orderId) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(EventSchemas.examples(schema).get(0));
            node.put("orderId", orderId.toString());
            return node;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The schema's example: cash to a courier, 5 215,50 to collect. */
    static ObjectNode codOrder(UUID orderId) {
        return example("OrderConfirmed.v1", orderId);
    }

    /** The example made an online-paid order delivered to a pickup point. */
    static ObjectNode prepaidPickupOrder(UUID orderId) {
        ObjectNode o = codOrder(orderId);
        o.put("paymentMethod", "ONLINE").put("deliveryMethod", "PICKUP_POINT").put("requiresPrepayment", true)
                .put("cashOnDeliveryKopecks", 0);
        ObjectNode delivery = (ObjectNode) o.get("delivery");
        delivery.putNull("address");
        delivery.put("pickupPointId", "CDEK-EKB-117");
        return o;
    }

    static ObjectNode postOrder(UUID orderId) {
        ObjectNode o = codOrder(orderId);
        o.put("paymentMethod", "POST_COD").put("deliveryMethod", "RUSSIAN_POST");
        return o;
    }

    static String send(String type, UUID orderId, JsonNode payload) throws Exception {
        String eventId = UUID.randomUUID().toString();
        send(type, orderId, payload.toString(), eventId);
        return eventId;
    }

    static void send(String type, UUID orderId, String payload, String eventId) throws Exception {
        TestKafka.send("order-events", orderId.toString(), payload, TestKafka.cloudEventHeaders(eventId, type));
    }

    static void awaitProcessed(EntityManager em, String... eventIds) {
        awaitConsumed(em, "fulfillment-service.order-events", eventIds);
    }

    /** Waits until the consumer has recorded these events in its inbox (applied them). */
    static void awaitConsumed(EntityManager em, String consumer, String... eventIds) {
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM inbox WHERE consumer = :c AND event_id IN (:ids)")
                .setParameter("c", consumer).setParameter("ids", List.of(eventIds)).getSingleResult())
                .intValue() == eventIds.length));
    }

    /** A record on customer-events or callcenter-events, as customer- or callcenter-service publishes it. */
    static String publish(String topic, String key, String type, String payload) throws Exception {
        String eventId = UUID.randomUUID().toString();
        Map<String, String> headers = new HashMap<>(TestKafka.cloudEventHeaders(eventId, type));
        headers.put("ce_source", topic.startsWith("customer") ? "customer-service" : "callcenter-service");
        TestKafka.send(topic, key, payload, headers);
        return eventId;
    }

    /** R24: customer-service registered a customer owned by {@code owner} (null: nobody); applied when it returns. */
    static UUID registeredCustomer(EntityManager em, String owner) throws Exception {
        UUID customerId = UUID.randomUUID();
        ObjectNode e = (ObjectNode) JSON.readTree(EventSchemas.examples("CustomerRegistered.v1").get(0));
        e.put("customerId", customerId.toString()).put("ownerManagerId", owner);
        awaitConsumed(em, CUSTOMER_EVENTS, publish("customer-events", customerId.toString(),
                "ru.parus.customer.CustomerRegistered.v1", e.toString()));
        return customerId;
    }

    /** R24: the head gave the customer to another manager (CustomerUpdated with ownerManagerId). */
    static void ownerChanged(EntityManager em, UUID customerId, String owner) throws Exception {
        ObjectNode e = (ObjectNode) JSON.readTree(EventSchemas.examples("CustomerUpdated.v1").get(1));
        e.put("customerId", customerId.toString()).put("ownerManagerId", owner);
        awaitConsumed(em, CUSTOMER_EVENTS, publish("customer-events", customerId.toString(),
                "ru.parus.customer.CustomerUpdated.v1", e.toString()));
    }

    /** R22: callcenter-service started an absence of {@code managerId} covered by {@code deputyId}; returns its id. */
    static UUID absenceStarted(EntityManager em, String managerId, String deputyId) throws Exception {
        UUID absenceId = UUID.randomUUID();
        ObjectNode e = (ObjectNode) JSON.readTree(EventSchemas.examples("ManagerAbsenceStarted.v1").get(0));
        OffsetDateTime now = OffsetDateTime.now();
        e.put("absenceId", absenceId.toString()).put("managerId", managerId).put("deputyId", deputyId)
                .put("startsAt", now.minusHours(1).toString()).put("endsAt", now.plusDays(14).toString());
        awaitConsumed(em, CALLCENTER_EVENTS, publish("callcenter-events", managerId,
                "ru.parus.callcenter.ManagerAbsenceStarted.v1", e.toString()));
        return absenceId;
    }

    /** R22: the absence ended (cut short): the deputy's access ends now. */
    static void absenceEnded(EntityManager em, UUID absenceId, String managerId, String deputyId) throws Exception {
        ObjectNode e = (ObjectNode) JSON.readTree(EventSchemas.examples("ManagerAbsenceEnded.v1").get(0));
        e.put("absenceId", absenceId.toString()).put("managerId", managerId).put("deputyId", deputyId)
                .put("endedAt", OffsetDateTime.now().toString());
        awaitConsumed(em, CALLCENTER_EVENTS, publish("callcenter-events", managerId,
                "ru.parus.callcenter.ManagerAbsenceEnded.v1", e.toString()));
    }

    /** The schema's example order (cash to a courier) of this customer; shipped, returns the shipment id. */
    static String shippedFor(UUID customerId, UUID orderId) throws Exception {
        ObjectNode order = codOrder(orderId);
        order.put("customerId", customerId.toString());
        return shipped(order);
    }

    static long shipmentCount(EntityManager em, UUID orderId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM shipment WHERE order_id = :o").setParameter("o", orderId)
                .getSingleResult()).longValue());
    }

    /** Sends a cash-on-delivery (or other) confirmed order and waits for its shipment; returns the shipment id. */
    static String shipped(ObjectNode confirmed) throws Exception {
        UUID orderId = UUID.fromString(confirmed.get("orderId").asText());
        send(CONFIRMED, orderId, confirmed);
        return awaitShipment(orderId);
    }

    static String awaitShipment(UUID orderId) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<String> ids = given().auth().oauth2(WAREHOUSE).queryParam("orderId", orderId).get("/shipments")
                    .then().statusCode(200).extract().jsonPath().getList("items.id");
            org.junit.jupiter.api.Assertions.assertEquals(1, ids.size());
            id[0] = ids.get(0);
        });
        return id[0];
    }

    /** Events of one type for one order on fulfillment-events, each checked against its schema. */
    static List<ConsumerRecord<String, String>> published(UUID orderId, String name, int count, Duration timeout) {
        List<ConsumerRecord<String, String>> records = TestKafka.awaitRecords(TOPIC,
                r -> orderId.toString().equals(r.key())
                        && ("ru.parus.fulfillment." + name + ".v1").equals(TestKafka.header(r, "ce_type")),
                count, timeout);
        for (ConsumerRecord<String, String> r : records) {
            var violations = EventSchemas.violations(name + ".v1", r.value());
            org.junit.jupiter.api.Assertions.assertTrue(violations.isEmpty(), name + " violates its schema: " + violations);
        }
        return records;
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static io.restassured.response.ValidatableResponse report(String shipmentId, Map<String, Object> body) {
        return given().auth().oauth2(WAREHOUSE).contentType(ContentType.JSON).body(body)
                .post("/shipments/{id}/reports", shipmentId).then();
    }

    static Map<String, Object> packed(String reportId) {
        return Map.of("reportId", reportId, "kind", "PACKED", "weightGrams", 2150, "lengthMm", 300, "widthMm", 200,
                "heightMm", 150, "parcels", 2);
    }
}
