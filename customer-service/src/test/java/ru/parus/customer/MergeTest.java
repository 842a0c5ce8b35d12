package ru.parus.customer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ru.parus.infra.test.TestInfra;
import ru.parus.infra.test.TestKafka;
import ru.parus.platform.testing.EventSchemas;

/** The head merges two records of one person; contacts, consents and activity follow; the merged id resolves. */
@QuarkusTest
class MergeTest {
    static final String HEAD = TestInfra.token("head-m", "HEAD");

    static String phone() {
        return "+7 921 " + (1000000 + (int) (Math.random() * 8999999));
    }

    @Test
    void headMergesContactsConsentsAndActivityFollowAndTheMergedIdKeepsResolving() throws Exception {
        String survivor = CustomerApiTest.createCustomer(HEAD, phone());
        String mergedPhone = phone();
        String merged = CustomerApiTest.createCustomer(HEAD, mergedPhone);
        String tag = given().auth().oauth2(HEAD).get("/customers/{id}/consents", merged).then().extract().header("ETag");
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).header("If-Match", tag)
                .body("{\"consents\":[{\"channel\":\"TELEGRAM\",\"granted\":true,\"method\":\"WRITTEN\"}]}")
                .put("/customers/{id}/consents", merged).then().statusCode(200);
        OrderEventsConsumerTest.send(OrderEventsConsumerTest.orderPlaced(merged, "2026-11-26T10:00:00Z"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(HEAD)
                .get("/customers/{id}", merged).then().body("orderCount", equalTo(1)));

        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body("{\"intoCustomerId\":\"" + survivor + "\"}")
                .post("/customers/{id}/merge", merged).then().statusCode(200)
                .body("id", equalTo(survivor))
                .body("orderCount", equalTo(1))
                .body("lifetimeValueKopecks", equalTo(549000))
                .body("mergedFrom", hasItem(merged));
        given().auth().oauth2(HEAD).get("/customers/{id}", merged).then().statusCode(200)
                .body("id", equalTo(survivor)).body("mergedFrom", hasItem(merged));
        given().auth().oauth2(HEAD).get("/customers/{id}/contacts", survivor).then()
                .body("phones", hasItem(mergedPhone.replace(" ", "")));
        given().auth().oauth2(HEAD).get("/customers/{id}/consents", survivor).then()
                .body("consents.channel", hasItem("TELEGRAM"));
        // a later order for the merged id counts for the survivor
        OrderEventsConsumerTest.send(OrderEventsConsumerTest.orderPlaced(merged, "2026-11-27T10:00:00Z"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(HEAD)
                .get("/customers/{id}", survivor).then().body("orderCount", equalTo(2)));
        // the merged record is no longer a search hit of its own
        given().auth().oauth2(HEAD).queryParam("q", mergedPhone).get("/customers").then()
                .body("items.id", not(hasItem(merged))).body("items.id", hasItem(survivor));

        List<ConsumerRecord<String, String>> events = TestKafka.awaitRecords("customer-events",
                r -> survivor.equals(r.key()) && "ru.parus.customer.CustomersMerged.v1".equals(TestKafka.header(r, "ce_type")),
                1, Duration.ofSeconds(10));
        assertEquals(1, events.size());
        String value = events.get(0).value();
        assertTrue(EventSchemas.violations("CustomersMerged.v1", value).isEmpty(), value);
        assertEquals(merged, new ObjectMapper().readTree(value).get("mergedCustomerId").asText());
    }

    @Test
    void mergeProblems() {
        String a = CustomerApiTest.createCustomer(HEAD, phone());
        String b = CustomerApiTest.createCustomer(HEAD, phone());
        given().auth().oauth2(TestInfra.token("manager-m", "MANAGER")).contentType(ContentType.JSON)
                .body("{\"intoCustomerId\":\"" + b + "\"}").post("/customers/{id}/merge", a).then().statusCode(403);
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body("{\"intoCustomerId\":\"" + a + "\"}")
                .post("/customers/{id}/merge", a).then().statusCode(400).body("errors.field", hasItem("intoCustomerId"));
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body("{}")
                .post("/customers/{id}/merge", a).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body("{\"intoCustomerId\":\"" + UUID.randomUUID() + "\"}")
                .post("/customers/{id}/merge", a).then().statusCode(404);
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body("{\"intoCustomerId\":\"" + b + "\"}")
                .post("/customers/{id}/merge", a).then().statusCode(200);
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body("{\"intoCustomerId\":\"" + b + "\"}")
                .post("/customers/{id}/merge", a).then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(HEAD).get("/customers/{id}", b).then().body("mergedFrom", containsInAnyOrder(a));
    }
}
