package ru.parus.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.parus.systemtests.RunningStack.CUSTOMER;
import static ru.parus.systemtests.RunningStack.ORDER;
import static ru.parus.systemtests.RunningStack.url;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import ru.parus.infra.test.TestInfra;
import ru.parus.infra.test.TestKafka;

/**
 * A customer registered in customer-service orders through order-service; order-service's OrderPlaced reaches
 * customer-service through the broker and shows on the customer's card.
 */
@ExtendWith(RunningStack.class)
class CustomerOrderFlowTest {
    static final String ORDER_PLACED = "ru.parus.order.OrderPlaced.v1";
    /** The architecture's promise: the outbox relay is woken on commit, so an event takes milliseconds. */
    static final Duration MAX_LATENCY = Duration.ofSeconds(2);
    /** How long to keep looking after MAX_LATENCY, so that a slow update is measured rather than only failed. */
    static final Duration GIVE_UP = Duration.ofSeconds(20);

    @Test
    void anOrderShowsOnTheCustomersCardWithinTwoSecondsAndIsPublishedOnce() {
        String head = TestInfra.token("head-1", "HEAD");
        String manager = TestInfra.token("manager-1", "MANAGER");

        String customerId = given().baseUri(url(CUSTOMER)).auth().oauth2(head).contentType(ContentType.JSON)
                .body("""
                        {"name":"Анна Смирнова","phone":"8 (912) 345-67-89","email":"anna@example.org","type":"ATHLETE"}""")
                .when().post("/customers")
                .then().statusCode(201).body("id", notNullValue())
                .extract().path("id");

        JsonPath order = given().baseUri(url(ORDER)).auth().oauth2(manager).contentType(ContentType.JSON)
                .body("""
                        {"customerId":"%s","lines":[{"sku":"WHEY-CHOC-900","quantity":2},{"sku":"CREA-MONO-300","quantity":1}]}"""
                        .formatted(customerId))
                .when().post("/orders")
                .then().statusCode(201)
                .body("id", notNullValue()).body("totalKopecks", notNullValue()).body("status", notNullValue())
                .extract().jsonPath();
        long placed = System.nanoTime();
        long placedWallClock = System.currentTimeMillis();
        String orderId = order.getString("id");

        Duration latency = null;
        JsonPath card = null;
        while (System.nanoTime() - placed < GIVE_UP.toNanos()) {
            card = given().baseUri(url(CUSTOMER)).auth().oauth2(head)
                    .when().get("/customers/{id}", customerId)
                    .then().statusCode(200).extract().jsonPath();
            if (card.getInt("orderCount") == 1 && card.getString("lastOrderAt") != null) {
                latency = Duration.ofNanos(System.nanoTime() - placed);
                break;
            }
            sleep(10);
        }
        assertTrue(latency != null, "order " + orderId + " did not reach customer " + customerId + " within "
                + GIVE_UP.toSeconds() + " s; last card: " + (card == null ? null : card.prettify()));
        System.out.println("order->customer update latency: " + latency.toMillis() + " ms");

        // customer-service has seen it, so it is on the topic; a second copy would come within this wait
        List<ConsumerRecord<String, String>> published = TestKafka.awaitRecords("order-events",
                r -> ORDER_PLACED.equals(TestKafka.header(r, "ce_type")) && r.value() != null
                        && r.value().contains(orderId),
                2, Duration.ofSeconds(5));
        if (!published.isEmpty()) {
            // the producer's timestamp splits the latency into order-service's part (outbox relay) and the rest
            long relayed = published.get(0).timestamp() - placedWallClock;
            System.out.println("  of which the OrderPlaced record was produced " + relayed + " ms after the order's 201");
        }
        assertEquals(1, published.size(), "OrderPlaced of order " + orderId + " on order-events exactly once");
        assertEquals(orderId, published.get(0).key(), "the Kafka key is the order id");
        assertTrue(latency.compareTo(MAX_LATENCY) <= 0, "order->customer update took " + latency.toMillis()
                + " ms, more than " + MAX_LATENCY.toMillis() + " ms");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
