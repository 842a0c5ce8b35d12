package ru.parus.customer;

import ru.parus.platform.testing.SettableClock;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ru.parus.customer.service.DormancyScanner;
import ru.parus.infra.test.TestInfra;
import ru.parus.infra.test.TestKafka;
import ru.parus.platform.testing.EventSchemas;

/** R14: dormancy fires within seconds after six months without orders, once per episode, once across replicas. */
@QuarkusTest
class DormancyTest {
    static final String HEAD = TestInfra.token("head-1", "HEAD");
    static final String ADMIN = TestInfra.token("admin-1", "ADMIN");
    static final String DORMANT = "ru.parus.customer.CustomerDormant.v1";
    static final String REACTIVATED = "ru.parus.customer.CustomerReactivated.v1";
    /** More than six calendar months, whatever the months. */
    static final Duration PAST_THRESHOLD = Duration.ofDays(186);

    @Inject
    SettableClock clock;
    @Inject
    Scheduler scheduler;
    @Inject
    DormancyScanner scanner;
    @Inject
    ObjectMapper mapper;
    @Inject
    ScanGate gate;

    static String randomPhone() {
        return "+7 915 " + (1000000 + (int) (Math.random() * 8999999));
    }

    void placeOrder(String customer, long totalKopecks) throws Exception {
        String payload = OrderEventsConsumerTest.orderPlaced(customer, clock.instant().toString())
                .replaceFirst("\"totalKopecks\":\\d+", "\"totalKopecks\":" + totalKopecks);
        TestKafka.send("order-events", UUID.randomUUID().toString(), payload,
                TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), OrderEventsConsumerTest.ORDER_PLACED));
    }

    static List<ConsumerRecord<String, String>> events(String customer, String type, int atLeast, Duration wait) {
        return TestKafka.awaitRecords("customer-events",
                r -> customer.equals(r.key()) && type.equals(TestKafka.header(r, "ce_type")), atLeast, wait);
    }

    static void assertValid(String schema, ConsumerRecord<String, String> record) {
        assertTrue(EventSchemas.violations(schema, record.value()).isEmpty(),
                () -> EventSchemas.violations(schema, record.value()) + " in " + record.value());
    }

    @Test
    void R14_dormantCustomerFiresOnceAndAgainOnlyAfterReactivationAndANewDormancy() throws Exception {
        String customer = CustomerApiTest.createCustomer(HEAD, randomPhone());
        placeOrder(customer, 549000);
        placeOrder(customer, 100000);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(HEAD)
                .get("/customers/{id}", customer).then()
                .body("orderCount", equalTo(2)).body("lifetimeValueKopecks", equalTo(649000)));

        clock.advance(PAST_THRESHOLD);
        // the scheduled scan (every second in tests) fires it, nobody calls the ops endpoint
        List<ConsumerRecord<String, String>> first = events(customer, DORMANT, 1, Duration.ofSeconds(15));
        assertEquals(1, first.size(), "CustomerDormant within seconds after the threshold");
        assertValid("CustomerDormant.v1", first.get(0));
        JsonNode payload = mapper.readTree(first.get(0).value());
        assertEquals(1, payload.get("episode").asInt());
        assertEquals(2, payload.get("orderCount").asInt());
        assertEquals(649000L, payload.get("lifetimeValueKopecks").asLong());
        given().auth().oauth2(HEAD).get("/customers/{id}", customer).then()
                .body("dormantSince", notNullValue()).body("dormancyEpisode", equalTo(1));
        // R6: the scan's statement also put the episode on the customer's timeline
        given().auth().oauth2(HEAD).get("/customers/{id}/timeline", customer).then()
                .body("items[0].kind", equalTo("CustomerDormant")).body("items[0].summary.episode", equalTo(1));

        // more scans, scheduled and by hand, fire nothing more in this episode
        String fired = given().auth().oauth2(ADMIN).post("/ops/dormancy-scan").then().statusCode(200)
                .extract().asString();
        assertFalse(fired.contains(customer), fired);
        assertEquals(1, events(customer, DORMANT, 2, Duration.ofSeconds(4)).size(), "fires once per episode");

        placeOrder(customer, 51000);
        List<ConsumerRecord<String, String>> reactivated = events(customer, REACTIVATED, 1, Duration.ofSeconds(15));
        assertEquals(1, reactivated.size());
        assertValid("CustomerReactivated.v1", reactivated.get(0));
        assertEquals(1, mapper.readTree(reactivated.get(0).value()).get("episode").asInt());
        given().auth().oauth2(HEAD).get("/customers/{id}", customer).then()
                .body("dormantSince", nullValue()).body("orderCount", equalTo(3));

        clock.advance(PAST_THRESHOLD);
        List<ConsumerRecord<String, String>> both = events(customer, DORMANT, 2, Duration.ofSeconds(15));
        assertEquals(2, both.size(), "a new episode after reactivation fires again");
        assertEquals(2, mapper.readTree(both.get(1).value()).get("episode").asInt());
        assertValid("CustomerDormant.v1", both.get(1));
    }

    @Test
    void R14_aCustomerWhoNeverOrderedIsDormantSixMonthsAfterRegistration() throws Exception {
        scheduler.pause(DormancyScanner.JOB);
        try {
            Thread.sleep(300); // lets a scan already running finish before time moves
            String customer = CustomerApiTest.createCustomer(HEAD, randomPhone());
            clock.advance(Duration.ofDays(178)); // under six months
            JsonPath early = given().auth().oauth2(ADMIN).post("/ops/dormancy-scan").then().statusCode(200)
                    .extract().jsonPath();
            assertFalse(early.getList("fired.customerId").contains(customer), "not dormant before six months");

            clock.advance(Duration.ofDays(8));
            JsonPath late = given().auth().oauth2(ADMIN).post("/ops/dormancy-scan").then().statusCode(200)
                    .extract().jsonPath();
            assertTrue(late.getList("fired.customerId").contains(customer), "the ops scan names what it fired");
            assertTrue(late.getInt("count") >= 1);
            List<ConsumerRecord<String, String>> records = events(customer, DORMANT, 1, Duration.ofSeconds(10));
            assertEquals(1, records.size());
            assertValid("CustomerDormant.v1", records.get(0));
            assertTrue(mapper.readTree(records.get(0).value()).get("lastOrderAt").isNull());
        } finally {
            scheduler.resume(DormancyScanner.JOB);
        }
    }

    @Test
    void R14_twoConcurrentScansFireOnce() throws Exception {
        scheduler.pause(DormancyScanner.JOB);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Thread.sleep(300);
            String customer = CustomerApiTest.createCustomer(HEAD, randomPhone());
            clock.advance(PAST_THRESHOLD);
            // the first scan is held inside its transaction, after its UPDATE and outbox rows, before its commit
            gate.arm();
            Future<List<JsonNode>> first = pool.submit(() -> {
                gate.holdCurrentThread();
                return scanner.scan();
            });
            assertTrue(gate.awaitEntered(), "the first scan reached its outbox rows");
            // meanwhile a second replica scans; it may wait for the first one's locks, so it gets a moment
            Future<List<JsonNode>> second = pool.submit(() -> scanner.scan());
            try {
                second.get(1500, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException waitingForLocks) {
                // a scan that waits for the first one's row locks finishes after the release
            }
            gate.release();
            List<String> fired = new ArrayList<>();
            for (Future<List<JsonNode>> f : List.of(first, second)) {
                f.get().forEach(n -> fired.add(n.get("customerId").asText()));
            }
            assertEquals(1, fired.stream().filter(customer::equals).count(), "fired by exactly one of the scans");
            assertEquals(fired.size(), fired.stream().distinct().count(), "no customer fired twice: " + fired);
            assertEquals(1, events(customer, DORMANT, 2, Duration.ofSeconds(5)).size(), "one record on the topic");
        } finally {
            gate.release();
            pool.shutdownNow();
            scheduler.resume(DormancyScanner.JOB);
        }
    }

    @Test
    void R14_theOpsScanIsForAdminsOnly() {
        given().auth().oauth2(HEAD).post("/ops/dormancy-scan").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:parus:problem:forbidden"));
        given().post("/ops/dormancy-scan").then().statusCode(401)
                .contentType("application/problem+json");
    }
}
