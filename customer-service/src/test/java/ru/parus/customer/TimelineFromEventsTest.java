package ru.parus.customer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ru.parus.infra.test.TestInfra;
import ru.parus.infra.test.TestKafka;
import ru.parus.platform.testing.EventSchemas;

/**
 * R6: the other services' events on the customer's timeline, sent to the real broker as those services publish
 * them (each built from its producer's schema example, ids and times replaced, and checked against the schema).
 */
@QuarkusTest
class TimelineFromEventsTest {
    static final String HEAD = TestInfra.token("head-tl", "HEAD");
    static final ObjectMapper JSON = new ObjectMapper();
    /** Personal data and free text of the producers' examples: none may reach a summary (R24). */
    static final List<String> PERSONAL = List.of("+7912", "79123456789", "Анна", "Смирнова", "Малышева", "домофон",
            "Курьер", "Клиент", "оштрафована", "перезвонить", "Возврат", "востребовано", "оплатит", "@");

    @Inject
    DataSource dataSource;

    /** The schema's first example with members replaced (null values clear them), valid against the schema. */
    static String event(String name, Map<String, Object> members) throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(EventSchemas.examples(name + ".v1").get(0));
        members.forEach((k, v) -> {
            if (v == null) {
                event.putNull(k);
            } else {
                event.put(k, v.toString());
            }
        });
        String json = JSON.writeValueAsString(event);
        assertTrue(EventSchemas.violations(name + ".v1", json).isEmpty(),
                () -> name + ": " + EventSchemas.violations(name + ".v1", json));
        return json;
    }

    static void send(String topic, String context, String name, String payload) throws Exception {
        send(topic, context, name, payload, UUID.randomUUID().toString());
    }

    static void send(String topic, String context, String name, String payload, String eventId) throws Exception {
        TestKafka.send(topic, UUID.randomUUID().toString(), payload,
                TestKafka.cloudEventHeaders(eventId, "ru.parus." + context + "." + name + ".v1"));
    }

    static JsonNode timeline(String customer) throws Exception {
        return JSON.readTree(given().auth().oauth2(HEAD).queryParam("size", 50).get("/customers/{id}/timeline", customer)
                .then().statusCode(200).extract().asString());
    }

    static void awaitTotal(String customer, int total) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(HEAD)
                .get("/customers/{id}/timeline", customer).then().statusCode(200).body("total", equalTo(total)));
    }

    /** The entries of the given kinds, newest first, each checked for personal data. */
    static List<JsonNode> entries(JsonNode page, String... kinds) {
        List<String> wanted = List.of(kinds);
        List<JsonNode> found = new ArrayList<>();
        page.get("items").forEach(item -> {
            if (wanted.contains(item.get("kind").asText())) {
                String summary = item.get("summary").toString();
                PERSONAL.forEach(p -> assertFalse(summary.contains(p), () -> item.get("kind") + " carries " + p + ": " + summary));
                found.add(item);
            }
        });
        return found;
    }

    static List<String> kinds(List<JsonNode> entries) {
        return entries.stream().map(e -> e.get("kind").asText()).toList();
    }

    static JsonNode entry(List<JsonNode> entries, String kind) {
        return entries.stream().filter(e -> kind.equals(e.get("kind").asText())).findFirst().orElseThrow().get("summary");
    }

    static String customer() {
        return CustomerApiTest.createCustomer(HEAD, MergeTest.phone());
    }

    @Test
    void R6_callsTasksEscalationsAndComplaintsAppearOnTheTimeline() throws Exception {
        String customer = customer();
        String call = UUID.randomUUID().toString();
        String task = UUID.randomUUID().toString();
        String feedback = UUID.randomUUID().toString();
        send("callcenter-events", "callcenter", "CallRegistered", event("CallRegistered", Map.of("callId", call,
                "customerId", customer, "startedAt", "2099-02-01T10:00:00Z", "registeredAt", "2099-02-01T10:05:00Z")));
        send("callcenter-events", "callcenter", "CallTaskCreated", event("CallTaskCreated", Map.of("taskId", task,
                "customerId", customer, "createdAt", "2099-02-01T10:01:00Z")));
        send("callcenter-events", "callcenter", "CallTaskCompleted", event("CallTaskCompleted", Map.of("taskId", task,
                "customerId", customer, "completedAt", "2099-02-01T10:02:00Z")));
        send("callcenter-events", "callcenter", "CallTaskClosed", event("CallTaskClosed", Map.of("taskId", task,
                "customerId", customer, "closedAt", "2099-02-01T10:03:00Z")));
        send("callcenter-events", "callcenter", "CallEscalated", event("CallEscalated", Map.of("callId", call,
                "customerId", customer, "escalatedAt", "2099-02-01T10:04:00Z")));
        send("callcenter-events", "callcenter", "FeedbackReceived", event("FeedbackReceived", Map.of(
                "feedbackId", feedback, "customerId", customer, "callId", call, "receivedAt", "2099-02-01T10:06:00Z")));
        send("callcenter-events", "callcenter", "FeedbackAnswered", event("FeedbackAnswered", Map.of(
                "feedbackId", feedback, "customerId", customer, "answeredAt", "2099-02-02T09:00:00Z")));
        // a call from a number nobody knows concerns no customer: not on any timeline, and no failure
        Map<String, Object> unknown = new java.util.HashMap<>(Map.of("callId", UUID.randomUUID().toString()));
        unknown.put("customerId", null);
        send("callcenter-events", "callcenter", "CallRegistered", event("CallRegistered", unknown));

        awaitTotal(customer, 8); // the seven and CustomerRegistered
        List<JsonNode> entries = entries(timeline(customer), "FeedbackAnswered", "FeedbackReceived", "CallEscalated",
                "CallTaskClosed", "CallTaskCompleted", "CallTaskCreated", "CallRegistered");
        assertEquals(List.of("FeedbackAnswered", "FeedbackReceived", "CallEscalated", "CallTaskClosed",
                "CallTaskCompleted", "CallTaskCreated", "CallRegistered"), kinds(entries), "newest first");
        assertEquals("2099-02-01T10:00:00Z", entries.get(6).get("occurredAt").asText(), "a call is dated by its start");
        JsonNode registered = entry(entries, "CallRegistered");
        assertEquals(call, registered.get("callId").asText());
        assertEquals("REACHED_AGREED", registered.get("outcome").asText());
        assertEquals(245, registered.get("durationSeconds").asInt());
        assertEquals("OUTBOUND", registered.get("direction").asText());
        assertFalse(registered.has("phone"));
        assertEquals("UNPAID_ORDER", entry(entries, "CallTaskCreated").get("kind").asText());
        assertEquals("REACHED_AGREED", entry(entries, "CallTaskCompleted").get("outcome").asText());
        assertFalse(entry(entries, "CallTaskCompleted").has("note"));
        assertEquals("ORDER_PAID", entry(entries, "CallTaskClosed").get("reason").asText());
        assertEquals("head-1", entry(entries, "CallEscalated").get("headId").asText());
        JsonNode complaint = entry(entries, "FeedbackReceived");
        assertEquals("COMPLAINT", complaint.get("kind").asText());
        assertEquals("delivery", complaint.get("category").asText());
        assertEquals(feedback, complaint.get("feedbackId").asText());
        assertFalse(complaint.has("text"));
        assertTrue(entry(entries, "FeedbackAnswered").get("justified").asBoolean());
    }

    @Test
    void R6_messagesWithTheirDeliveryStatusAppearOnTheTimeline() throws Exception {
        String customer = customer();
        String sent = UUID.randomUUID().toString();
        send("notification-events", "notification", "MessageSent", event("MessageSent", Map.of("messageId", sent,
                "customerId", customer, "sentAt", "2099-03-01T10:00:00Z")));
        send("notification-events", "notification", "MessageFailed", event("MessageFailed", Map.of(
                "messageId", UUID.randomUUID(), "customerId", customer, "failedAt", "2099-03-01T11:00:00Z")));
        send("notification-events", "notification", "MessageSkipped", event("MessageSkipped", Map.of(
                "messageId", UUID.randomUUID(), "customerId", customer, "skippedAt", "2099-03-01T12:00:00Z")));
        Map<String, Object> noCustomer = new java.util.HashMap<>(Map.of("messageId", UUID.randomUUID().toString()));
        noCustomer.put("customerId", null);
        send("notification-events", "notification", "MessageSkipped", event("MessageSkipped", noCustomer));

        awaitTotal(customer, 4);
        List<JsonNode> entries = entries(timeline(customer), "MessageSent", "MessageFailed", "MessageSkipped");
        assertEquals(List.of("MessageSkipped", "MessageFailed", "MessageSent"), kinds(entries));
        JsonNode message = entry(entries, "MessageSent");
        assertEquals(sent, message.get("messageId").asText());
        assertEquals("EMAIL", message.get("channel").asText());
        assertEquals("ORDER_READY", message.get("kind").asText());
        assertFalse(message.has("providerMessageId"));
        assertEquals("ATTEMPTS_EXHAUSTED", entry(entries, "MessageFailed").get("reason").asText());
        assertEquals("NO_CONSENT", entry(entries, "MessageSkipped").get("reason").asText());
        assertEquals("2099-03-01T12:00:00Z", entries.get(0).get("occurredAt").asText());
    }

    @Test
    void R6_theSameEventDeliveredTwiceIsOneEntry() throws Exception {
        String customer = customer();
        String payload = event("MessageSent", Map.of("messageId", UUID.randomUUID(), "customerId", customer,
                "sentAt", "2099-03-02T10:00:00Z"));
        String eventId = UUID.randomUUID().toString();
        send("notification-events", "notification", "MessageSent", payload, eventId);
        send("notification-events", "notification", "MessageSent", payload, eventId);
        String call = event("CallRegistered", Map.of("callId", UUID.randomUUID(), "customerId", customer,
                "startedAt", "2099-03-02T11:00:00Z"));
        String callEventId = UUID.randomUUID().toString();
        send("callcenter-events", "callcenter", "CallRegistered", call, callEventId);
        send("callcenter-events", "callcenter", "CallRegistered", call, callEventId);
        // later, different events on both topics prove both copies were consumed before we count
        send("notification-events", "notification", "MessageSent", event("MessageSent", Map.of(
                "messageId", UUID.randomUUID(), "customerId", customer, "sentAt", "2099-03-02T12:00:00Z")));
        send("callcenter-events", "callcenter", "CallRegistered", event("CallRegistered", Map.of(
                "callId", UUID.randomUUID(), "customerId", customer, "startedAt", "2099-03-02T13:00:00Z")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(HEAD)
                .get("/customers/{id}/timeline", customer).then()
                .body("items.occurredAt", hasItem("2099-03-02T12:00:00Z"))
                .body("items.occurredAt", hasItem("2099-03-02T13:00:00Z")));
        given().auth().oauth2(HEAD).get("/customers/{id}/timeline", customer).then()
                .body("total", equalTo(5))
                .body("items.kind", contains("CallRegistered", "MessageSent", "CallRegistered", "MessageSent",
                        "CustomerRegistered"));
    }

    @Test
    void R6_orderStatusChangesAndShipmentsAppearOnTheTimeline() throws Exception {
        String customer = customer();
        String order = UUID.randomUUID().toString();
        String shipment = UUID.randomUUID().toString();
        send("order-events", "order", "OrderPlaced", event("OrderPlaced", Map.of("orderId", order,
                "customerId", customer, "placedAt", "2099-04-01T09:00:00Z")));
        awaitTotal(customer, 2);
        send("order-events", "order", "OrderConfirmed", event("OrderConfirmed", Map.of("orderId", order,
                "customerId", customer, "confirmedAt", "2099-04-01T09:10:00Z")));
        send("order-events", "order", "OrderPaymentOverdue", event("OrderPaymentOverdue", Map.of("orderId", order,
                "customerId", customer, "placedAt", "2099-04-01T09:00:00Z", "overdueSince", "2099-04-03T09:00:00Z")));
        send("order-events", "order", "OrderPaid", event("OrderPaid", Map.of("orderId", order,
                "customerId", customer, "paidAt", "2099-04-03T10:00:00Z")));
        // ShipmentCreated without customerId: found through the order
        Map<String, Object> created = new java.util.HashMap<>(Map.of("shipmentId", shipment, "orderId", order,
                "createdAt", "2099-04-03T10:01:00Z"));
        created.put("customerId", null);
        send("fulfillment-events", "fulfillment", "ShipmentCreated", event("ShipmentCreated", created));
        String[][] shipmentEvents = {
                { "ShipmentPacked", "packedAt", "2099-04-03T12:00:00Z" },
                { "ShipmentHandedToCarrier", "handedAt", "2099-04-03T15:00:00Z" },
                { "ShipmentReadyForPickup", "arrivedAt", "2099-04-04T10:00:00Z" },
                { "ShipmentReturnRequested", "requestedAt", "2099-04-05T10:00:00Z" },
                { "ShipmentReturned", "returnedAt", "2099-04-06T10:00:00Z" },
                { "ShipmentDelivered", "deliveredAt", "2099-04-07T10:00:00Z" },
                { "ShipmentCancelled", "cancelledAt", "2099-04-08T10:00:00Z" } };
        for (String[] e : shipmentEvents) {
            send("fulfillment-events", "fulfillment", e[0], event(e[0], Map.of("shipmentId", shipment, "orderId", order,
                    e[1], e[2])));
        }
        send("order-events", "order", "OrderCancelled", event("OrderCancelled", Map.of("orderId", order,
                "customerId", customer, "cancelledAt", "2099-04-09T10:00:00Z")));

        awaitTotal(customer, 14);
        List<JsonNode> entries = entries(timeline(customer), "OrderCancelled", "ShipmentCancelled", "ShipmentDelivered",
                "ShipmentReturned", "ShipmentReturnRequested", "ShipmentReadyForPickup", "ShipmentHandedToCarrier",
                "ShipmentPacked", "ShipmentCreated", "OrderPaid", "OrderPaymentOverdue", "OrderConfirmed", "OrderPlaced");
        assertEquals(List.of("OrderCancelled", "ShipmentCancelled", "ShipmentDelivered", "ShipmentReturned",
                "ShipmentReturnRequested", "ShipmentReadyForPickup", "ShipmentHandedToCarrier", "ShipmentPacked",
                "ShipmentCreated", "OrderPaid", "OrderPaymentOverdue", "OrderConfirmed", "OrderPlaced"), kinds(entries));
        entries.forEach(e -> assertEquals(order, e.get("summary").get("orderId").asText(), e.toString()));
        JsonNode confirmed = entry(entries, "OrderConfirmed");
        assertEquals("CASH_TO_COURIER", confirmed.get("paymentMethod").asText());
        assertEquals("COURIER", confirmed.get("deliveryMethod").asText());
        assertTrue(confirmed.get("payableKopecks").isIntegralNumber());
        assertFalse(confirmed.has("recipient"));
        assertEquals(521550, entry(entries, "OrderPaid").get("amountKopecks").asLong());
        assertEquals("2099-04-03T09:00:00Z", entries.get(10).get("occurredAt").asText(), "overdue at overdueSince");
        JsonNode shipped = entry(entries, "ShipmentCreated");
        assertEquals(shipment, shipped.get("shipmentId").asText());
        assertEquals("PARUS-COURIER", shipped.get("carrierCode").asText());
        assertFalse(shipped.has("recipient") || shipped.has("delivery"));
        assertEquals("RA123456785RU", entry(entries, "ShipmentHandedToCarrier").get("trackingNumber").asText());
        assertEquals(521550, entry(entries, "ShipmentDelivered").get("cashCollectedKopecks").asLong());
        assertEquals("CREATED", entry(entries, "ShipmentCancelled").get("previousStatus").asText());
        assertFalse(entry(entries, "OrderCancelled").has("reason"));
        assertEquals("2099-04-03T12:00:00Z", entries.get(7).get("occurredAt").asText(), "packed at packedAt");
    }

    /** A ShipmentPacked of an order nobody has told about yet; returns the order's id once the entry is parked. */
    private String parkedShipmentPacked(String packedAt) throws Exception {
        String order = UUID.randomUUID().toString();
        send("fulfillment-events", "fulfillment", "ShipmentPacked", event("ShipmentPacked", Map.of(
                "shipmentId", UUID.randomUUID(), "orderId", order, "packedAt", packedAt)));
        // it waits for its order: parked, on nobody's timeline
        await().atMost(Duration.ofSeconds(20)).until(() -> pending(order) == 1);
        return order;
    }

    @Test
    void R6_aShipmentEventBeforeItsOrderIsRecordedOnceTheOrderArrives() throws Exception {
        String customer = customer();
        String order = parkedShipmentPacked("2099-05-01T12:00:00Z");
        given().auth().oauth2(HEAD).get("/customers/{id}/timeline", customer).then().body("total", equalTo(1));

        send("order-events", "order", "OrderPlaced", event("OrderPlaced", Map.of("orderId", order,
                "customerId", customer, "placedAt", "2099-05-01T09:00:00Z")));
        awaitTotal(customer, 3);
        given().auth().oauth2(HEAD).get("/customers/{id}/timeline", customer).then()
                .body("items.kind", contains("ShipmentPacked", "OrderPlaced", "CustomerRegistered"))
                .body("items[0].occurredAt", equalTo("2099-05-01T12:00:00Z"))
                .body("items[0].summary.orderId", equalTo(order));
        assertEquals(0, pending(order), "recorded once, not left parked");

        // the next event of the order goes straight on the timeline
        send("fulfillment-events", "fulfillment", "ShipmentDelivered", event("ShipmentDelivered", Map.of(
                "shipmentId", UUID.randomUUID(), "orderId", order, "deliveredAt", "2099-05-02T12:00:00Z")));
        awaitTotal(customer, 4);
        assertEquals(0, pending(order));
    }

    @Test
    void R6_parkedShipmentEventsMoveWithTheFirstOrderEventToArriveAndOnlyOnce() throws Exception {
        String customer = customer();
        String order = parkedShipmentPacked("2099-07-01T12:00:00Z");

        // OrderConfirmed overtook OrderPlaced: it is the first to tell whose order it is
        send("order-events", "order", "OrderConfirmed", event("OrderConfirmed", Map.of("orderId", order,
                "customerId", customer, "confirmedAt", "2099-07-01T09:10:00Z")));
        awaitTotal(customer, 3);
        assertEquals(0, pending(order));
        // the order's later events find its customer known: nothing parked is moved twice
        send("order-events", "order", "OrderPlaced", event("OrderPlaced", Map.of("orderId", order,
                "customerId", customer, "placedAt", "2099-07-01T09:00:00Z")));
        send("fulfillment-events", "fulfillment", "ShipmentDelivered", event("ShipmentDelivered", Map.of(
                "shipmentId", UUID.randomUUID(), "orderId", order, "deliveredAt", "2099-07-02T12:00:00Z")));
        awaitTotal(customer, 5);
        given().auth().oauth2(HEAD).get("/customers/{id}/timeline", customer).then()
                .body("items.kind", contains("ShipmentDelivered", "ShipmentPacked", "OrderConfirmed", "OrderPlaced",
                        "CustomerRegistered"));
    }

    @Test
    void R6_entriesOfMergedAwayIdsShowOnTheSurvivorsTimelineAlsoThroughAChainOfMerges() throws Exception {
        String first = customer();
        String second = customer();
        String survivor = customer();
        send("callcenter-events", "callcenter", "CallRegistered", event("CallRegistered", Map.of(
                "callId", UUID.randomUUID(), "customerId", first, "startedAt", "2099-06-01T10:00:00Z")));
        awaitTotal(first, 2);
        // first into second, then second into the survivor: first's entries follow both merges
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body("{\"intoCustomerId\":\"" + second + "\"}")
                .post("/customers/{id}/merge", first).then().statusCode(200);
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body("{\"intoCustomerId\":\"" + survivor + "\"}")
                .post("/customers/{id}/merge", second).then().statusCode(200)
                .body("mergedFrom", containsInAnyOrder(first, second));
        send("notification-events", "notification", "MessageSent", event("MessageSent", Map.of(
                "messageId", UUID.randomUUID(), "customerId", first, "sentAt", "2099-06-02T10:00:00Z")));
        // three registrations, two merges, the call before and the message after the merges
        awaitTotal(survivor, 7);
        given().auth().oauth2(HEAD).get("/customers/{id}/timeline", first).then()
                .body("total", equalTo(7))
                .body("items[0].kind", equalTo("MessageSent"))
                .body("items[1].kind", equalTo("CallRegistered"));
    }

    @Test
    void R24_entriesRecordedAfterAnErasureCarryNoPersonalData() throws Exception {
        String customer = customer();
        given().auth().oauth2(TestInfra.token("admin-tl", "ADMIN")).contentType(ContentType.JSON)
                .body("{\"requestReference\":\"ПД-TL-1\"}").post("/customers/{id}/erasure", customer).then().statusCode(200);
        String order = UUID.randomUUID().toString();
        send("callcenter-events", "callcenter", "FeedbackReceived", event("FeedbackReceived", Map.of(
                "feedbackId", UUID.randomUUID(), "customerId", customer, "receivedAt", "2099-08-01T10:00:00Z")));
        send("fulfillment-events", "fulfillment", "ShipmentCreated", event("ShipmentCreated", Map.of(
                "shipmentId", UUID.randomUUID(), "orderId", order, "customerId", customer,
                "createdAt", "2099-08-01T11:00:00Z")));
        send("callcenter-events", "callcenter", "CallRegistered", event("CallRegistered", Map.of(
                "callId", UUID.randomUUID(), "customerId", customer, "startedAt", "2099-08-01T12:00:00Z")));
        awaitTotal(customer, 5); // registered, erased and the three
        List<JsonNode> entries = entries(timeline(customer), "FeedbackReceived", "ShipmentCreated", "CallRegistered");
        assertEquals(List.of("CallRegistered", "ShipmentCreated", "FeedbackReceived"), kinds(entries));
    }

    @Test
    void storefrontsWhereTheCustomerHasBoughtAreOnTheCustomer() throws Exception {
        String customer = customer();
        for (String channel : List.of("WATTN", "PHONE", "LACTOMIN", "WATTN")) {
            send("order-events", "order", "OrderPlaced", event("OrderPlaced", Map.of("orderId", UUID.randomUUID(),
                    "customerId", customer, "channel", channel, "placedAt", "2026-11-20T10:00:00Z")));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(HEAD)
                .get("/customers/{id}", customer).then().body("orderCount", equalTo(4)));
        given().auth().oauth2(HEAD).get("/customers/{id}", customer).then()
                .body("storefronts", contains("LACTOMIN", "WATTN"));

        String phoneOnly = customer();
        send("order-events", "order", "OrderPlaced", event("OrderPlaced", Map.of("orderId", UUID.randomUUID(),
                "customerId", phoneOnly, "channel", "PHONE", "placedAt", "2026-11-20T10:00:00Z")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(HEAD)
                .get("/customers/{id}", phoneOnly).then().body("orderCount", equalTo(1)));
        given().auth().oauth2(HEAD).get("/customers/{id}", phoneOnly).then().body("storefronts", empty());

        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.CustomerView.properties.storefronts", notNullValue());
    }

    @Test
    void R6_poisonShipmentAndMessageEventsGoToTheirDeadLetterTopics() throws Exception {
        String customer = customer();
        String badTime = UUID.randomUUID().toString();
        send("fulfillment-events", "fulfillment", "ShipmentPacked", "{\"shipmentId\":\"" + UUID.randomUUID()
                + "\",\"orderId\":\"" + UUID.randomUUID() + "\",\"packedAt\":\"yesterday\"}", badTime);
        String notJson = "poison-" + UUID.randomUUID();
        send("notification-events", "notification", "MessageSent", notJson);
        send("notification-events", "notification", "MessageSent", event("MessageSent", Map.of(
                "messageId", UUID.randomUUID(), "customerId", customer, "sentAt", "2099-07-01T10:00:00Z")));
        awaitTotal(customer, 2); // the channel goes on

        List<ConsumerRecord<String, String>> deadShipment = TestKafka.awaitRecords("fulfillment-events.customer-service.dlq",
                r -> badTime.equals(TestKafka.header(r, "ce_id")), 1, Duration.ofSeconds(20));
        assertEquals(1, deadShipment.size());
        List<ConsumerRecord<String, String>> deadMessage = TestKafka.awaitRecords("notification-events.customer-service.dlq",
                r -> notJson.equals(r.value()), 1, Duration.ofSeconds(20));
        assertEquals(1, deadMessage.size());
    }

    private int pending(String order) throws Exception {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("SELECT count(*) FROM timeline_pending WHERE order_id = ?")) {
            statement.setObject(1, UUID.fromString(order));
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
