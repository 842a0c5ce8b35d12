package ru.parus.customer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import ru.parus.infra.test.TestInfra;
import ru.parus.infra.test.TestKafka;
import ru.parus.platform.testing.EventSchemas;

/** customer-service as a consumer of order-service's OrderPlaced, built from the schema's example. */
@QuarkusTest
class OrderEventsConsumerTest {
    static final String HEAD = TestInfra.token("head-1", "HEAD");
    static final String ORDER_PLACED = "ru.parus.order.OrderPlaced.v1";

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
}
