package ru.parus.callcenter;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.parus.callcenter.Events.example;
import static ru.parus.callcenter.Events.id;
import static ru.parus.callcenter.Events.send;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ru.parus.infra.test.TestInfra;
import ru.parus.infra.test.TestKafka;
import ru.parus.platform.testing.EventSchemas;

/** Tasks from other services' events, on the real broker: once per cause, for the right person, closed by their end. */
@QuarkusTest
class EventDrivenTasksTest {
    static final String HEAD = TestInfra.token("head-1", "HEAD");

    @Inject
    EntityManager em;

    static String manager() {
        return "manager-" + id().substring(0, 8);
    }

    static JsonPath myQueue(String manager) {
        return given().auth().oauth2(TestInfra.token(manager, "MANAGER")).get("/tasks?assignee=me")
                .then().statusCode(200).extract().jsonPath();
    }

    static ObjectNode dormant(String customerId, int episode, String owner) {
        ObjectNode e = example("CustomerDormant");
        e.put("customerId", customerId);
        e.put("episode", episode);
        if (owner == null) {
            e.putNull("ownerManagerId");
        } else {
            e.put("ownerManagerId", owner);
        }
        return e;
    }

    @Test
    void R14_dormantCustomerGetsOneReactivationCallForTheOwnerEvenDeliveredTwiceAndClosedByReactivation() throws Exception {
        String owner = manager();
        String customer = Events.registerCustomer(id(), owner);
        String eventId = id();
        // the owner comes from the projection, not from the event
        ObjectNode event = dormant(customer, 1, null);
        send("customer-events", customer, "customer", "CustomerDormant", eventId, event);
        long sent = System.nanoTime(); // the broker acknowledged (acks=all): the event is on the topic
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(10))
                .until(() -> myQueue(owner).getInt("total") >= 1);
        long visibleMs = (System.nanoTime() - sent) / 1_000_000;
        System.out.println("R14 latency: CustomerDormant on the topic -> task visible over HTTP: " + visibleMs + " ms");

        send("customer-events", customer, "customer", "CustomerDormant", eventId, event); // redelivered
        send("customer-events", customer, "customer", "CustomerDormant", id(), event); // same fact, new event id
        // a later event with the same key proves both copies were consumed before we count
        String marker = manager();
        String other = Events.registerCustomer(id(), marker);
        ObjectNode markerEvent = dormant(other, 1, marker);
        send("customer-events", customer, "customer", "CustomerDormant", id(), markerEvent);
        await().atMost(Duration.ofSeconds(15)).until(() -> myQueue(marker).getInt("total") == 1);

        JsonPath queue = myQueue(owner);
        assertEquals(1, queue.getInt("total"), "one reactivation task per dormancy episode");
        assertEquals("REACTIVATION", queue.getString("items[0].kind"));
        assertEquals(customer, queue.getString("items[0].customerId"));
        assertEquals("dormant-customer", queue.getString("items[0].script"));
        assertEquals("NORMAL", queue.getString("items[0].priority"));
        assertEquals(Duration.ofDays(3), Duration.between(OffsetDateTime.parse(queue.getString("items[0].createdAt")),
                OffsetDateTime.parse(queue.getString("items[0].dueAt"))));
        String taskId = queue.getString("items[0].id");

        List<ConsumerRecord<String, String>> created = Events.published("CallTaskCreated", taskId, 2, Duration.ofSeconds(3));
        assertEquals(1, created.size(), "CallTaskCreated once");
        assertEquals(taskId, created.get(0).key());
        assertTrue(EventSchemas.violations("CallTaskCreated.v1", created.get(0).value()).isEmpty(),
                () -> EventSchemas.violations("CallTaskCreated.v1", created.get(0).value()).toString());

        ObjectNode reactivated = example("CustomerReactivated");
        reactivated.put("customerId", customer);
        send("customer-events", customer, "customer", "CustomerReactivated", id(), reactivated);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(HEAD).get("/tasks/{id}", taskId)
                .then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("closedReason", equalTo("CUSTOMER_REACTIVATED")));
        assertEquals(0, myQueue(owner).getInt("total"), "a closed task leaves the queue");
        List<ConsumerRecord<String, String>> closed = Events.published("CallTaskClosed", taskId, 1, Duration.ofSeconds(10));
        assertEquals(1, closed.size());
        assertTrue(EventSchemas.violations("CallTaskClosed.v1", closed.get(0).value()).isEmpty(),
                () -> EventSchemas.violations("CallTaskClosed.v1", closed.get(0).value()).toString());
    }

    @Test
    void R14_aDormantCustomerNobodyOwnsGoesToTheHeadsQueue() throws Exception {
        String customer = id();
        send("customer-events", customer, "customer", "CustomerDormant", id(), dormant(customer, 1, null));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(HEAD)
                .get("/tasks?assignee=unassigned&size=100").then().statusCode(200)
                .body("items.customerId", hasItem(customer)));
    }

    ObjectNode overdue(String orderId, String customerId) {
        ObjectNode e = example("OrderPaymentOverdue");
        e.put("orderId", orderId);
        e.put("customerId", customerId);
        return e;
    }

    String unpaidTaskFor(String owner, String customer, String order) throws Exception {
        Events.awaitRow(em, "customer_projection", "customer_id", customer);
        String eventId = id();
        ObjectNode event = overdue(order, customer);
        send("order-events", order, "order", "OrderPaymentOverdue", eventId, event);
        send("order-events", order, "order", "OrderPaymentOverdue", eventId, event);
        send("order-events", order, "order", "OrderPaymentOverdue", id(), event);
        await().atMost(Duration.ofSeconds(15)).until(() -> myQueue(owner).getInt("total") >= 1);
        return myQueue(owner).getString("items[0].id");
    }

    @Test
    void R15_overduePaymentMakesOneHighPriorityUnpaidCallForTheOwnerClosedWhenPaid() throws Exception {
        String owner = manager();
        String customer = Events.registerCustomer(id(), owner);
        String order = id();
        String taskId = unpaidTaskFor(owner, customer, order);
        ObjectNode paid = example("OrderPaid");
        paid.put("orderId", order);
        paid.put("customerId", customer);
        // same key as the overdue events: this is consumed after all three of them
        send("order-events", order, "order", "OrderPaid", id(), paid);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(HEAD).get("/tasks/{id}", taskId)
                .then().statusCode(200).body("status", equalTo("CLOSED")).body("closedReason", equalTo("ORDER_PAID")));
        JsonPath task = given().auth().oauth2(HEAD).get("/tasks/{id}", taskId).then().extract().jsonPath();
        assertEquals("UNPAID_ORDER", task.getString("kind"));
        assertEquals("HIGH", task.getString("priority"));
        assertEquals("unpaid-order", task.getString("script"));
        assertEquals(owner, task.getString("assignee"));
        assertEquals(order, task.getString("orderId"));
        assertEquals(Duration.ofHours(2), Duration.between(OffsetDateTime.parse(task.getString("createdAt")),
                OffsetDateTime.parse(task.getString("dueAt"))));
        Long count = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> (Long) em
                .createQuery("select count(t) from CallTask t where t.orderId = ?1")
                .setParameter(1, java.util.UUID.fromString(order)).getSingleResult());
        assertEquals(1L, count, "one unpaid-order task per order though the event came three times");
    }

    @Test
    void R15_cancelledOrderClosesTheUnpaidCall() throws Exception {
        String owner = manager();
        String customer = Events.registerCustomer(id(), owner);
        String order = id();
        String taskId = unpaidTaskFor(owner, customer, order);
        ObjectNode cancelled = example("OrderCancelled");
        cancelled.put("orderId", order);
        cancelled.put("customerId", customer);
        send("order-events", order, "order", "OrderCancelled", id(), cancelled);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(HEAD).get("/tasks/{id}", taskId)
                .then().statusCode(200).body("status", equalTo("CLOSED")).body("closedReason", equalTo("ORDER_CANCELLED")));
    }

    ObjectNode packed(String shipment, String order, String method) {
        ObjectNode e = example("ShipmentPacked");
        e.put("shipmentId", shipment);
        e.put("orderId", order);
        e.put("deliveryMethod", method);
        return e;
    }

    @Test
    void R13_courierPackedAndArrivalAtPickupPointEachMakeOneOrderReadyCallForTheOwner() throws Exception {
        String owner = manager();
        String customer = Events.registerCustomer(id(), owner);
        Events.awaitRow(em, "customer_projection", "customer_id", customer);
        String courierOrder = id();
        String pickupOrder = id();
        for (String order : List.of(courierOrder, pickupOrder)) {
            ObjectNode placed = example("OrderPlaced");
            placed.put("orderId", order);
            placed.put("customerId", customer);
            send("order-events", order, "order", "OrderPlaced", id(), placed);
            Events.awaitRow(em, "order_projection", "order_id", order);
        }
        String courierShipment = id();
        String pickupShipment = id();
        String packedId = id();
        ObjectNode courier = packed(courierShipment, courierOrder, "COURIER");
        send("fulfillment-events", courierOrder, "fulfillment", "ShipmentPacked", packedId, courier);
        send("fulfillment-events", courierOrder, "fulfillment", "ShipmentPacked", packedId, courier);
        send("fulfillment-events", courierOrder, "fulfillment", "ShipmentPacked", id(), courier);
        // packed for a pickup point is not ready yet: the call waits for the arrival
        send("fulfillment-events", pickupOrder, "fulfillment", "ShipmentPacked", id(), packed(pickupShipment, pickupOrder, "PICKUP_POINT"));
        ObjectNode arrived = example("ShipmentReadyForPickup");
        arrived.put("shipmentId", pickupShipment);
        arrived.put("orderId", pickupOrder);
        String arrivedId = id();
        send("fulfillment-events", pickupOrder, "fulfillment", "ShipmentReadyForPickup", arrivedId, arrived);
        send("fulfillment-events", pickupOrder, "fulfillment", "ShipmentReadyForPickup", arrivedId, arrived);

        await().atMost(Duration.ofSeconds(15)).until(() -> myQueue(owner).getInt("total") >= 2);
        // a marker after the courier duplicates, same key
        send("fulfillment-events", courierOrder, "fulfillment", "ShipmentPacked", id(), packed(id(), courierOrder, "RUSSIAN_POST"));
        Thread.sleep(500); // nothing to wait for: a RUSSIAN_POST packing makes no task; gives duplicates a chance to show
        JsonPath queue = myQueue(owner);
        assertEquals(2, queue.getInt("total"), "one order-ready call per shipment");
        assertEquals(List.of("ORDER_READY", "ORDER_READY"), queue.getList("items.kind"));
        assertEquals(List.of("HIGH", "HIGH"), queue.getList("items.priority"));
        assertTrue(queue.getList("items.orderId").containsAll(List.of(courierOrder, pickupOrder)));
        assertEquals(List.of(customer, customer), queue.getList("items.customerId"));
        assertEquals(List.of("order-ready", "order-ready"), queue.getList("items.script"));
    }

    @Test
    void poisonFulfillmentEventsGoToTheDeadLetterTopicAndTheChannelGoesOn() throws Exception {
        String schemaInvalid = id();
        TestKafka.send("fulfillment-events", "x", "{\"orderId\":\"" + id() + "\",\"deliveryMethod\":\"COURIER\"}",
                TestKafka.cloudEventHeaders(schemaInvalid, Events.ceType("fulfillment", "ShipmentPacked")));
        List<ConsumerRecord<String, String>> dead = TestKafka.awaitRecords("fulfillment-events.callcenter-service.dlq",
                r -> schemaInvalid.equals(TestKafka.header(r, "ce_id")), 1, Duration.ofSeconds(20));
        assertEquals(1, dead.size());
        String customer = id();
        send("customer-events", customer, "customer", "CustomerDormant", id(), dormant(customer, 1, null));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(HEAD)
                .get("/tasks?assignee=unassigned&size=100").then().body("items.customerId", hasItem(customer)));
        given().auth().oauth2(HEAD).get("/tasks?assignee=unassigned&size=100").then()
                .body("items.kind", not(hasItem("NOTHING")));
    }

    @Test
    void R14_R24_aMergedCustomersTasksOldAndNewAreTheSurvivorsForTheirOwner() throws Exception {
        String owner = manager();
        String survivor = Events.registerCustomer(id(), owner);
        String merged = id();
        send("customer-events", merged, "customer", "CustomerDormant", id(), dormant(merged, 1, null));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(HEAD)
                .get("/tasks?assignee=unassigned&size=100").then().body("items.customerId", hasItem(merged)));
        Events.awaitRow(em, "customer_projection", "customer_id", survivor);
        ObjectNode merge = example("CustomersMerged");
        merge.put("survivingCustomerId", survivor);
        merge.put("mergedCustomerId", merged);
        send("customer-events", survivor, "customer", "CustomersMerged", id(), merge);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonPath queue = myQueue(owner);
            assertEquals(1, queue.getInt("total"));
            assertEquals(survivor, queue.getString("items[0].customerId"));
            assertEquals("REACTIVATION", queue.getString("items[0].kind"));
        });

        // R24: an event still naming the merged-away customer makes the survivor's task, for the survivor's owner
        String order = id();
        send("order-events", order, "order", "OrderPaymentOverdue", id(), overdue(order, merged));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonPath queue = myQueue(owner);
            assertEquals(2, queue.getInt("total"));
            assertEquals(List.of(survivor, survivor), queue.getList("items.customerId"));
        });
    }
}
