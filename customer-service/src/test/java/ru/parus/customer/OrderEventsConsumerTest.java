package ru.parus.customer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import ru.parus.infra.test.TestInfra;
import ru.parus.infra.test.TestKafka;
import ru.parus.platform.testing.EventSchemas;

/** customer-service as a consumer of order-service's OrderPlaced, built from the schema's example. */
@QuarkusTest
class OrderEventsConsumerTest {
    static final String HEAD = TestInfra.token("head-1", "HEAD");
    static final String ORDER_PLACED = "ru.parus.order.OrderPlaced.v1";
    static final String REGISTERED = "ru.parus.customer.CustomerRegistered.v1";

    static String orderPlaced(String customerId, String placedAt) {
        String example = EventSchemas.examples("OrderPlaced.v1").get(0);
        return example.replaceFirst("\"customerId\":\"[^\"]+\"", "\"customerId\":\"" + customerId + "\"")
                .replaceFirst("\"orderId\":\"[^\"]+\"", "\"orderId\":\"" + UUID.randomUUID() + "\"")
                .replaceFirst("\"placedAt\":\"[^\"]+\"", "\"placedAt\":\"" + placedAt + "\"");
    }

    @Test
    void orderPlacedUpdatesLastOrderTimeAndCount() throws Exception {
        String customer = CustomerApiTest.createCustomer(HEAD, "+7 912 100-00-01");
        TestKafka.send("order-events", UUID.randomUUID().toString(), orderPlaced(customer, "2026-11-20T10:15:30Z"),
                TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), ORDER_PLACED));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(HEAD)
                .get("/customers/{id}", customer).then()
                .body("orderCount", equalTo(1))
                .body("lastOrderAt", equalTo("2026-11-20T10:15:30Z")));
    }

    @Test
    void theSameEventDeliveredTwiceHasOneEffect() throws Exception {
        String customer = CustomerApiTest.createCustomer(HEAD, "+7 912 100-00-02");
        String eventId = UUID.randomUUID().toString();
        String payload = orderPlaced(customer, "2026-11-21T09:00:00Z");
        TestKafka.send("order-events", "o-1", payload, TestKafka.cloudEventHeaders(eventId, ORDER_PLACED));
        TestKafka.send("order-events", "o-1", payload, TestKafka.cloudEventHeaders(eventId, ORDER_PLACED));
        // a later, different event proves both copies of the first were consumed before we look
        TestKafka.send("order-events", "o-1", orderPlaced(customer, "2026-11-22T09:00:00Z"),
                TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), ORDER_PLACED));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(HEAD)
                .get("/customers/{id}", customer).then()
                .body("lastOrderAt", equalTo("2026-11-22T09:00:00Z")));
        given().auth().oauth2(HEAD).get("/customers/{id}", customer).then().body("orderCount", equalTo(2));
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndTheChannelGoesOn() throws Exception {
        String customer = CustomerApiTest.createCustomer(HEAD, "+7 912 100-00-03");
        String notJson = "poison-" + UUID.randomUUID();
        TestKafka.send("order-events", "poison", notJson, TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), ORDER_PLACED));
        String schemaInvalidId = UUID.randomUUID().toString();
        TestKafka.send("order-events", "poison", "{\"orderId\":\"" + UUID.randomUUID() + "\"}",
                TestKafka.cloudEventHeaders(schemaInvalidId, ORDER_PLACED));
        TestKafka.send("order-events", "o-2", orderPlaced(customer, "2026-11-23T09:00:00Z"),
                TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), ORDER_PLACED));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(HEAD)
                .get("/customers/{id}", customer).then().body("orderCount", equalTo(1)));
        List<ConsumerRecord<String, String>> dead = TestKafka.awaitRecords("order-events.customer-service.dlq",
                r -> notJson.equals(r.value()) || schemaInvalidId.equals(TestKafka.header(r, "ce_id")), 2,
                Duration.ofSeconds(15));
        assertEquals(2, dead.size(), "both poison records in the dead-letter topic");
    }

    @Test
    void eventsOfOtherTypesAreIgnored() throws Exception {
        String customer = CustomerApiTest.createCustomer(HEAD, "+7 912 100-00-04");
        TestKafka.send("order-events", "o-3", "{\"orderId\":\"" + UUID.randomUUID() + "\",\"customerId\":\"" + customer + "\"}",
                TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), "ru.parus.order.OrderSomethingNew.v1"));
        TestKafka.send("order-events", "o-3", orderPlaced(customer, "2026-11-24T09:00:00Z"),
                TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), ORDER_PLACED));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(HEAD)
                .get("/customers/{id}", customer).then().body("orderCount", equalTo(1)));
    }

    static final ObjectMapper JSON = new ObjectMapper();

    /** An OrderPlaced of a storefront buyer order-service did not know, from the schema's example. */
    static String storefrontOrder(String customerId, String name, String phone, String email, long totalKopecks)
            throws Exception {
        ObjectNode order = (ObjectNode) JSON.readTree(orderPlaced(customerId, "2026-11-25T12:00:00Z"));
        order.put("channel", "LACTOMIN");
        order.putNull("managerId");
        order.put("totalKopecks", totalKopecks);
        order.put("storefrontOrderNumber", "L-" + System.nanoTime());
        ObjectNode contact = order.putObject("customerContact");
        contact.put("name", name);
        contact.put("phone", phone);
        contact.put("email", email);
        String json = JSON.writeValueAsString(order);
        assertTrue(EventSchemas.violations("OrderPlaced.v1", json).isEmpty(), () -> EventSchemas.violations("OrderPlaced.v1", json).toString());
        return json;
    }

    static void send(String payload) throws Exception {
        TestKafka.send("order-events", UUID.randomUUID().toString(), payload,
                TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), ORDER_PLACED));
    }

    @Test
    void aStorefrontBuyerWeDoNotKnowIsRegisteredUnderTheOrdersCustomerIdAndTheOrderApplied() throws Exception {
        String customer = UUID.randomUUID().toString();
        String email = "petr." + UUID.randomUUID() + "@example.org";
        String order = storefrontOrder(customer, "Пётр Иванов", "8 (916) 123-45-" + (10 + (int) (Math.random() * 89)),
                email.toUpperCase(), 549000);
        send(order);
        send(storefrontOrder(customer, "Пётр Иванов", "+7 916 000 00 00", email, 100000)); // a second order, same buyer
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(HEAD)
                .get("/customers/{id}", customer).then().statusCode(200)
                .body("orderCount", equalTo(2))
                .body("lifetimeValueKopecks", equalTo(649000))
                .body("registeredVia", equalTo("LACTOMIN"))
                .body("type", equalTo("HEALTHY_LIFESTYLE"))
                .body("email", equalTo(email))
                .body("phone", startsWith("+791612345")));
        List<ConsumerRecord<String, String>> registered = TestKafka.awaitRecords("customer-events",
                r -> customer.equals(r.key()) && REGISTERED.equals(TestKafka.header(r, "ce_type")), 2, Duration.ofSeconds(4));
        assertEquals(1, registered.size(), "registered once, by the first order");
        assertTrue(EventSchemas.violations("CustomerRegistered.v1", registered.get(0).value()).isEmpty(),
                () -> EventSchemas.violations("CustomerRegistered.v1", registered.get(0).value()).toString());
        assertEquals("LACTOMIN", JSON.readTree(registered.get(0).value()).get("registeredVia").asText());
    }

    @Test
    void aStorefrontBuyerWithAKnownPhoneIsRegisteredAndBothAreMarkedSuspectedDuplicates() throws Exception {
        String phone = "+7 917 " + (1000000 + (int) (Math.random() * 8999999));
        String existing = CustomerApiTest.createCustomer(HEAD, phone);
        String buyer = UUID.randomUUID().toString();
        send(storefrontOrder(buyer, "Анна", phone.replace("+7 ", "8 "), "anna." + UUID.randomUUID() + "@example.org", 51000));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(HEAD)
                .get("/customers/{id}", buyer).then().statusCode(200)
                .body("orderCount", equalTo(1))
                .body("suspectedDuplicates.customerId", hasItem(existing))
                .body("suspectedDuplicates.matchedOn", hasItem("PHONE")));
        given().auth().oauth2(HEAD).get("/customers/{id}", existing).then()
                .body("suspectedDuplicates.customerId", hasItem(buyer))
                .body("orderCount", equalTo(0));
        List<ConsumerRecord<String, String>> registered = TestKafka.awaitRecords("customer-events",
                r -> buyer.equals(r.key()) && REGISTERED.equals(TestKafka.header(r, "ce_type")), 1, Duration.ofSeconds(10));
        assertEquals(1, registered.size());
        String value = registered.get(0).value();
        assertTrue(EventSchemas.violations("CustomerRegistered.v1", value).isEmpty(), value);
        assertEquals(existing, JSON.readTree(value).get("suspectedDuplicateOf").get(0).asText());
    }

    @Test
    void aBadPhoneInCustomerContactStillRegistersTheBuyerWithoutIt() throws Exception {
        String buyer = UUID.randomUUID().toString();
        send(storefrontOrder(buyer, "Олег", "12", null, 1000));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(HEAD)
                .get("/customers/{id}", buyer).then().statusCode(200)
                .body("orderCount", equalTo(1))
                .body("phone", nullValue()));
    }
}
