package ru.parus.customer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ru.parus.infra.test.TestInfra;
import ru.parus.infra.test.TestKafka;
import ru.parus.platform.testing.EventSchemas;

/** R24: erasure on the customer's request, by an ADMIN. */
@QuarkusTest
class ErasureTest {
    static final String ADMIN = TestInfra.token("admin-1", "ADMIN");
    static final String HEAD = TestInfra.token("head-1", "HEAD");
    static final String MANAGER = TestInfra.token("manager-e1", "MANAGER");
    static final ObjectMapper JSON = new ObjectMapper();

    static String digits7() {
        return String.valueOf(1000000 + (int) (Math.random() * 8999999));
    }

    @Test
    void R24_erasureAnonymisesTheCustomerKeepsTheMoneyAndPublishesCustomerErased() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            String digits = digits7();
            String phone = "+7 927 " + digits;
            String e164 = "+7927" + digits;
            String email = "erase.me." + UUID.randomUUID() + "@example.org";
            String name = "Стираемая" + System.nanoTime();
            String customer = given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                    .body("{\"name\":\"" + name + "\",\"phone\":\"" + phone + "\",\"email\":\"" + email
                            + "\",\"type\":\"ATHLETE\"}")
                    .post("/customers").then().statusCode(201).extract().path("id");
            String tag = given().auth().oauth2(MANAGER).get("/customers/{id}/contacts", customer).then().extract().header("ETag");
            tag = given().auth().oauth2(MANAGER).contentType(ContentType.JSON).header("If-Match", tag)
                    .body("{\"phones\":[\"" + phone + "\"],\"emails\":[\"" + email + "\"],"
                            + "\"messengers\":[{\"network\":\"TELEGRAM\",\"handle\":\"@erase_me\"}]}")
                    .put("/customers/{id}/contacts", customer).then().statusCode(200).extract().header("ETag");
            given().auth().oauth2(MANAGER).contentType(ContentType.JSON).header("If-Match", tag)
                    .body("{\"consents\":[{\"channel\":\"SMS\",\"granted\":true,\"method\":\"CALL\"},"
                            + "{\"channel\":\"TELEGRAM\",\"granted\":true,\"method\":\"CALL\"}],\"preferredChannel\":\"SMS\"}")
                    .put("/customers/{id}/consents", customer).then().statusCode(200);
            given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body("{\"text\":\"звонить после 18, тел. " + phone + "\"}")
                    .post("/customers/{id}/notes", customer).then().statusCode(201);
            OrderEventsConsumerTest.send(OrderEventsConsumerTest.orderPlaced(customer, "2026-11-20T10:00:00Z")
                    .replaceFirst("\"totalKopecks\":\\d+", "\"totalKopecks\":1234500"));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(ADMIN)
                    .get("/customers/{id}", customer).then().body("orderCount", equalTo(1)));

            // only an ADMIN erases
            for (String token : List.of(MANAGER, HEAD)) {
                given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"requestReference\":\"ПД-1\"}")
                        .post("/customers/{id}/erasure", customer).then().statusCode(403)
                        .contentType("application/problem+json");
            }
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{}")
                    .post("/customers/{id}/erasure", customer).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("requestReference"));

            given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"requestReference\":\"ПД-2026-118\"}")
                    .post("/customers/{id}/erasure", customer).then().statusCode(200)
                    .body("customerId", equalTo(customer)).body("erasedBy", equalTo("admin-1"))
                    .body("requestReference", equalTo("ПД-2026-118"));

            List<ConsumerRecord<String, String>> records = TestKafka.awaitRecords("customer-events",
                    r -> customer.equals(r.key()) && "ru.parus.customer.CustomerErased.v1".equals(TestKafka.header(r, "ce_type")),
                    1, Duration.ofSeconds(10));
            assertEquals(1, records.size(), "CustomerErased published");
            String value = records.get(0).value();
            assertTrue(EventSchemas.violations("CustomerErased.v1", value).isEmpty(),
                    () -> EventSchemas.violations("CustomerErased.v1", value) + " in " + value);
            JsonNode erased = JSON.readTree(value);
            assertEquals(customer, erased.get("customerId").asText());
            assertEquals("ПД-2026-118", erased.get("requestReference").asText());

            // later reads show the erased state; the money stays
            given().auth().oauth2(ADMIN).get("/customers/{id}", customer).then().statusCode(200)
                    .body("name", equalTo("Удалено")).body("phone", nullValue()).body("email", nullValue())
                    .body("erasedAt", notNullValue())
                    .body("orderCount", equalTo(1)).body("lifetimeValueKopecks", equalTo(1234500))
                    .body("type", equalTo("ATHLETE")).body("ownerManagerId", equalTo("manager-e1"));
            given().auth().oauth2(ADMIN).get("/customers/{id}/contacts", customer).then().statusCode(200)
                    .body("phones", emptyIterable()).body("emails", emptyIterable()).body("messengers", emptyIterable());
            given().auth().oauth2(ADMIN).get("/customers/{id}/consents", customer).then().statusCode(200)
                    .body("consents.granted", everyItem(equalTo(false)))
                    .body("consents.method", everyItem(equalTo("WRITTEN")))
                    .body("consents.size()", equalTo(2))
                    .body("preferredChannel", nullValue());
            String timeline = given().auth().oauth2(ADMIN).queryParam("size", 200).get("/customers/{id}/timeline", customer)
                    .then().statusCode(200).body("items[0].kind", equalTo("CustomerErased")).extract().asString();
            for (String personal : List.of(digits, email, name, "@erase_me")) {
                assertFalse(timeline.contains(personal), personal + " left in the timeline: " + timeline);
            }
            assertTrue(timeline.contains("1234500"), "the order's money stays on the timeline: " + timeline);
            given().auth().oauth2(HEAD).queryParam("q", digits.substring(0, 5)).queryParam("size", 100).get("/customers")
                    .then().statusCode(200).body("items.id", org.hamcrest.Matchers.not(hasItem(customer)));
            // a second erasure is a conflict; so is a change of the erased contacts
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"requestReference\":\"ПД-2026-119\"}")
                    .post("/customers/{id}/erasure", customer).then().statusCode(409)
                    .contentType("application/problem+json").body("type", equalTo("urn:parus:problem:conflict"));
            String current = given().auth().oauth2(ADMIN).get("/customers/{id}/contacts", customer).then().extract().header("ETag");
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", current)
                    .body("{\"phones\":[\"" + phone + "\"]}").put("/customers/{id}/contacts", customer)
                    .then().statusCode(409).contentType("application/problem+json");
            // the access log keeps ids, roles and endpoints only
            String accessLog = given().auth().oauth2(ADMIN).queryParam("size", 500).get("/customers/{id}/access-log", customer)
                    .then().statusCode(200).body("items.customerId", everyItem(equalTo(customer))).extract().asString();
            for (String personal : List.of(digits, email, name)) {
                assertFalse(accessLog.contains(personal), personal + " in the access log");
            }
            // no personal data in this service's log output during all of the above
            assertTrue(log.size() > 0, "the capture sees the application's log");
            String logged = log.text();
            for (String personal : List.of(digits, e164, email, name)) {
                assertFalse(logged.contains(personal), personal + " was logged:\n" + logged);
            }
        }
    }

    @Test
    void R24_erasingAMergedIdErasesTheSurvivorAndTheMergedRecord() {
        String survivor = CustomerApiTest.createCustomer(HEAD, "+7 928 " + digits7());
        String merged = CustomerApiTest.createCustomer(HEAD, "+7 928 " + digits7());
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body("{\"intoCustomerId\":\"" + survivor + "\"}")
                .post("/customers/{id}/merge", merged).then().statusCode(200);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"requestReference\":\"ПД-7\"}")
                .post("/customers/{id}/erasure", merged).then().statusCode(200).body("customerId", equalTo(survivor));
        given().auth().oauth2(ADMIN).get("/customers/{id}", survivor).then()
                .body("name", equalTo("Удалено")).body("phone", nullValue());
        given().auth().oauth2(ADMIN).get("/customers/{id}/contacts", survivor).then().body("phones", emptyIterable());
    }

    @Test
    void R24_erasureOfAnUnknownCustomerIs404AndOfAMalformedIdAProblem() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"requestReference\":\"ПД-8\"}")
                .post("/customers/{id}/erasure", UUID.randomUUID().toString()).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("not json")
                .post("/customers/{id}/erasure", UUID.randomUUID().toString()).then().statusCode(400)
                .contentType("application/problem+json");
    }
}
