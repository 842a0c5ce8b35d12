package ru.parus.callcenter;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.parus.callcenter.Events.example;
import static ru.parus.callcenter.Events.id;
import static ru.parus.callcenter.Events.send;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import ru.parus.infra.test.TestInfra;
import ru.parus.platform.testing.EventSchemas;
import ru.parus.platform.testing.SettableClock;

/** R25: replenishment calls timed by consumption, from ReplenishmentDue on the real broker, closed by a reorder. */
@QuarkusTest
class ReplenishmentTasksTest {
    static final String HEAD = TestInfra.token("head-1", "HEAD");

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    static String manager() {
        return "manager-" + id().substring(0, 8);
    }

    static JsonPath queue(String manager) {
        return given().auth().oauth2(TestInfra.token(manager, "MANAGER")).get("/tasks?assignee=me&size=100")
                .then().statusCode(200).extract().jsonPath();
    }

    static ObjectNode due(String orderId, long lineId, String customerId, String familyId, String contactFirst) {
        ObjectNode e = example("ReplenishmentDue");
        e.put("orderId", orderId);
        e.put("orderLineId", lineId);
        e.put("customerId", customerId);
        e.put("managerId", "manager-named-by-order-service"); // the owner in callcenter's projection wins
        e.put("familyId", familyId);
        e.put("contactFirst", contactFirst);
        return e;
    }

    static void sendDue(ObjectNode due, String eventId) throws Exception {
        send("order-events", due.get("orderId").asText(), "order", "ReplenishmentDue", eventId, due);
    }

    /** An order of the customer; {@code familyId} (null: none) on its one line. */
    static void orderPlaced(String orderId, String customerId, String familyId, long total, OffsetDateTime placedAt)
            throws Exception {
        ObjectNode e = example("OrderPlaced");
        e.put("orderId", orderId);
        e.put("customerId", customerId);
        e.put("totalKopecks", total);
        e.put("placedAt", placedAt.toString());
        for (JsonNode line : e.withArray("lines")) {
            if (familyId == null) {
                ((ObjectNode) line).putNull("familyId");
            } else {
                ((ObjectNode) line).put("familyId", familyId);
            }
        }
        send("order-events", orderId, "order", "OrderPlaced", id(), e);
    }

    long tasksOf(String customerId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM call_task WHERE kind = 'REPLENISHMENT' AND customer_id = ?1")
                .setParameter(1, UUID.fromString(customerId)).getSingleResult()).longValue());
    }

    String registered(String owner) throws Exception {
        String customer = Events.registerCustomer(id(), owner);
        Events.awaitRow(em, "customer_projection", "customer_id", customer);
        return customer;
    }

    @Test
    void R25_aCallFirstReplenishmentMakesOneTaskPerOrderLineForTheOwnerWithTheScriptEvenRedelivered() throws Exception {
        String owner = manager();
        String customer = registered(owner);
        String order = id();
        String family = id();
        ObjectNode event = due(order, 7001, customer, family, "CALL");
        String eventId = id();
        sendDue(event, eventId);
        sendDue(event, eventId); // redelivered
        sendDue(event, id()); // the same line under a new event id
        // another line of the same order (same key, so consumed after the three copies) proves they were all read
        sendDue(due(order, 7002, customer, id(), "CALL"), id());
        await().atMost(Duration.ofSeconds(15)).until(() -> queue(owner).getInt("total") == 2);
        assertEquals(2, tasksOf(customer), "one task per order line, whatever the deliveries");

        JsonPath q = queue(owner);
        String at = "items.find { it.cause == 'order:" + order + ":line:7001' }.";
        assertEquals("REPLENISHMENT", q.getString(at + "kind"));
        assertEquals(customer, q.getString(at + "customerId"));
        assertEquals(order, q.getString(at + "orderId"));
        assertEquals(owner, q.getString(at + "assignee"));
        assertEquals(family, q.getString(at + "familyId"));
        assertEquals("WHEY-900-CHOC", q.getString(at + "sku"));
        assertEquals("Whey Protein 900 g, chocolate", q.getString(at + "productName"));
        assertEquals("2026-12-02", q.getString(at + "runOutOn"));
        assertEquals("replenishment", q.getString(at + "script"));
        assertEquals("NORMAL", q.getString(at + "priority"));
        assertEquals(Duration.ofDays(3), Duration.between(OffsetDateTime.parse(q.getString(at + "createdAt")),
                OffsetDateTime.parse(q.getString(at + "dueAt"))));
        String taskId = q.getString(at + "id");
        List<ConsumerRecord<String, String>> created = Events.published("CallTaskCreated", taskId, 2, Duration.ofSeconds(3));
        assertEquals(1, created.size(), "CallTaskCreated once");
        assertTrue(EventSchemas.violations("CallTaskCreated.v1", created.get(0).value()).isEmpty(),
                () -> EventSchemas.violations("CallTaskCreated.v1", created.get(0).value()).toString());

        // R17: the task's script is an approved one: greeting, supply check, same product, bigger pack, upsell, summary
        JsonPath script = given().auth().oauth2(TestInfra.token(owner, "MANAGER")).get("/scripts/replenishment")
                .then().statusCode(200).body("status", equalTo("APPROVED")).extract().jsonPath();
        assertTrue(script.getList("steps.id").containsAll(
                List.of("greeting", "supply", "same-product", "bigger-pack", "upsell", "summary", "goodbye")),
                script.prettify());
    }

    @Test
    void R25_whileTheOwnerIsAwayTheDeputyGetsTheReplenishmentCall() throws Exception {
        String owner = People.manager(null);
        String deputy = People.manager(null);
        String customer = registered(owner);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        given().auth().oauth2(HEAD).contentType(ContentType.JSON)
                .body("{\"reason\":\"LEAVE\",\"startsAt\":\"" + now.plusMinutes(1) + "\",\"endsAt\":\""
                        + now.plusDays(2) + "\",\"deputyId\":\"" + deputy + "\"}")
                .post("/staff/{id}/absences", owner).then().statusCode(201);
        ((SettableClock) clock).advance(Duration.ofMinutes(2));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(HEAD)
                .get("/staff/{id}/absences", owner).then().statusCode(200).body("[0].status", equalTo("ACTIVE")));

        sendDue(due(id(), 7101, customer, id(), "CALL"), id());
        await().atMost(Duration.ofSeconds(15)).until(() -> queue(deputy).getInt("total") == 1);
        JsonPath q = queue(deputy);
        assertEquals("REPLENISHMENT", q.getString("items[0].kind"));
        assertEquals(customer, q.getString("items[0].customerId"));
        assertEquals(owner, q.getString("items[0].originalAssignee"), "R22: the task returns to the owner later");
        assertEquals(0, queue(owner).getInt("total"));
    }

    @Test
    void R25_messageFirstAnUnknownCustomerAndAnErasedOneGetNoCall() throws Exception {
        String owner = manager();
        String known = registered(owner);
        String erased = registered(owner);
        ObjectNode erasure = example("CustomerErased");
        erasure.put("customerId", erased);
        send("customer-events", erased, "customer", "CustomerErased", id(), erasure);
        await().atMost(Duration.ofSeconds(15)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM customer_projection WHERE customer_id = ?1 AND erased_at IS NOT NULL")
                .setParameter(1, UUID.fromString(erased)).getSingleResult()).intValue() == 1));
        String unknown = id();

        String order = id();
        sendDue(due(order, 7201, known, id(), "MESSAGE"), id()); // notification-service's
        sendDue(due(order, 7202, unknown, id(), "CALL"), id());
        sendDue(due(order, 7203, erased, id(), "CALL"), id());
        // the same key: consumed after the three above
        sendDue(due(order, 7204, known, id(), "CALL"), id());
        await().atMost(Duration.ofSeconds(15)).until(() -> queue(owner).getInt("total") == 1);
        assertEquals("order:" + order + ":line:7204", queue(owner).getString("items[0].cause"));
        assertEquals(1, tasksOf(known), "MESSAGE makes no call task");
        assertEquals(0, tasksOf(unknown), "a customer this service does not know gets no call");
        assertEquals(0, tasksOf(erased), "an erased customer gets no call");
    }

    @Test
    void R25_anOrderOfTheSameFamilyClosesTheTaskAsReorderedWithTheOrder() throws Exception {
        String owner = manager();
        String customer = registered(owner);
        String family = id();
        String order = id();
        sendDue(due(order, 7301, customer, family, "CALL"), id());
        await().atMost(Duration.ofSeconds(15)).until(() -> queue(owner).getInt("total") == 1);
        String taskId = queue(owner).getString("items[0].id");

        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String otherFamilyOrder = id();
        String otherCustomerOrder = id();
        String reorder = id();
        orderPlaced(otherFamilyOrder, customer, id(), 120_000, now); // another product family
        orderPlaced(otherCustomerOrder, id(), family, 120_000, now); // the family, but someone else
        String noFamilyOrder = id();
        orderPlaced(noFamilyOrder, customer, null, 50_000, now); // a line without a family
        orderPlaced(order, customer, family, 100_000, now.minusDays(30)); // the supply's own order, read (again) late
        for (String o : List.of(otherFamilyOrder, otherCustomerOrder, noFamilyOrder, order)) {
            Events.awaitRow(em, "order_projection", "order_id", o);
        }
        given().auth().oauth2(HEAD).get("/tasks/{id}", taskId).then().statusCode(200).body("status", equalTo("OPEN"));
        orderPlaced(reorder, customer, family, 240_000, now.plusMinutes(1));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(HEAD).get("/tasks/{id}", taskId)
                .then().statusCode(200).body("status", equalTo("CLOSED")).body("closedReason", equalTo("REORDERED")));
        JsonPath task = given().auth().oauth2(HEAD).get("/tasks/{id}", taskId).then().extract().jsonPath();
        assertEquals("REORDERED", task.getString("outcome"));
        assertEquals(reorder, task.getString("reorderId"), "only the order of the family by this customer closes it");
        assertEquals(0, queue(owner).getInt("total"), "a closed task leaves the queue");

        List<ConsumerRecord<String, String>> closed = Events.published("CallTaskClosed", taskId, 1, Duration.ofSeconds(10));
        assertEquals(1, closed.size());
        assertTrue(EventSchemas.violations("CallTaskClosed.v1", closed.get(0).value()).isEmpty(),
                () -> EventSchemas.violations("CallTaskClosed.v1", closed.get(0).value()).toString());
        JsonNode payload = Events.JSON.readTree(closed.get(0).value());
        assertEquals("REORDERED", payload.get("reason").asText());
        assertEquals("REPLENISHMENT", payload.get("kind").asText());
        assertEquals(reorder, payload.get("reorderId").asText());
    }

    @Test
    void R25_aReplenishmentReadAfterTheReorderOfItsFamilyMakesNoTask() throws Exception {
        String owner = manager();
        String customer = registered(owner);
        String family = id();
        String source = id();
        String reorder = id();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        orderPlaced(source, customer, family, 100_000, now.minusDays(30));
        // the reorder's OrderPlaced (another key, another partition) was read before the ReplenishmentDue
        orderPlaced(reorder, customer, family, 100_000, now.minusDays(1));
        Events.awaitRow(em, "order_projection", "order_id", source);
        Events.awaitRow(em, "order_projection", "order_id", reorder);

        sendDue(due(source, 7401, customer, family, "CALL"), id());
        sendDue(due(source, 7402, customer, id(), "CALL"), id()); // another family of the order: same key, read after
        await().atMost(Duration.ofSeconds(15)).until(() -> queue(owner).getInt("total") == 1);
        assertEquals("order:" + source + ":line:7402", queue(owner).getString("items[0].cause"));
        assertEquals(1, tasksOf(customer), "no call about a family the customer has ordered again since");
    }

    @Test
    void R25_erasingTheCustomerClosesTheirOpenReplenishmentCall() throws Exception {
        String owner = manager();
        String customer = registered(owner);
        sendDue(due(id(), 7501, customer, id(), "CALL"), id());
        await().atMost(Duration.ofSeconds(15)).until(() -> queue(owner).getInt("total") == 1);
        String taskId = queue(owner).getString("items[0].id");
        ObjectNode erasure = example("CustomerErased");
        erasure.put("customerId", customer);
        send("customer-events", customer, "customer", "CustomerErased", id(), erasure);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(HEAD).get("/tasks/{id}", taskId)
                .then().statusCode(200).body("status", equalTo("CLOSED")).body("closedReason", equalTo("CUSTOMER_ERASED")));
        List<ConsumerRecord<String, String>> closed = Events.published("CallTaskClosed", taskId, 1, Duration.ofSeconds(10));
        assertTrue(EventSchemas.violations("CallTaskClosed.v1", closed.get(0).value()).isEmpty(),
                () -> EventSchemas.violations("CallTaskClosed.v1", closed.get(0).value()).toString());
    }
    /**
     * R25, R24: a ReplenishmentDue that still names a customer merged away since (order-service had not yet learned of
     * the merge) is the survivor's: a task for the survivor's owner, closed by the survivor's reorder of the family;
     * and where the survivor had reordered the family already, no task at all.
     */
    @Test
    void R25_aReplenishmentOfAMergedAwayCustomerIsTheSurvivorsAndTheirReorderClosesIt() throws Exception {
        String owner = manager();
        String survivor = registered(owner);
        String mergedAway = registered(manager());
        ObjectNode merge = example("CustomersMerged");
        merge.put("survivingCustomerId", survivor);
        merge.put("mergedCustomerId", mergedAway);
        send("customer-events", survivor, "customer", "CustomersMerged", id(), merge);
        await().atMost(Duration.ofSeconds(15)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM customer_projection WHERE customer_id = ?1 AND merged_into = ?2")
                .setParameter(1, UUID.fromString(mergedAway)).setParameter(2, UUID.fromString(survivor))
                .getSingleResult()).intValue() == 1));

        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String family = id();
        String source = id();
        orderPlaced(source, mergedAway, family, 100_000, now.minusDays(30));
        Events.awaitRow(em, "order_projection", "order_id", source);
        sendDue(due(source, 7601, mergedAway, family, "CALL"), id());
        await().atMost(Duration.ofSeconds(15)).until(() -> queue(owner).getInt("total") == 1);
        assertEquals(survivor, queue(owner).getString("items[0].customerId"));
        assertEquals(0, tasksOf(mergedAway), "the merged-away customer has no tasks of their own");
        String taskId = queue(owner).getString("items[0].id");

        String reorder = id();
        orderPlaced(reorder, survivor, family, 100_000, now);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(HEAD).get("/tasks/{id}", taskId)
                .then().statusCode(200).body("status", equalTo("CLOSED")).body("closedReason", equalTo("REORDERED"))
                .body("reorderId", equalTo(reorder)));

        String reorderedFamily = id();
        String earlier = id();
        orderPlaced(earlier, mergedAway, reorderedFamily, 100_000, now.minusDays(30));
        String survivorsReorder = id();
        orderPlaced(survivorsReorder, survivor, reorderedFamily, 100_000, now.minusDays(1));
        Events.awaitRow(em, "order_projection", "order_id", earlier);
        Events.awaitRow(em, "order_projection", "order_id", survivorsReorder);
        sendDue(due(earlier, 7602, mergedAway, reorderedFamily, "CALL"), id());
        sendDue(due(earlier, 7603, mergedAway, id(), "CALL"), id()); // same key: read after 7602
        await().atMost(Duration.ofSeconds(15)).until(() -> queue(owner).getInt("total") == 1);
        assertEquals("order:" + earlier + ":line:7603", queue(owner).getString("items[0].cause"));
        assertEquals(2, tasksOf(survivor), "7601 (closed) and 7603: none for a family the survivor ordered again");
    }
}
