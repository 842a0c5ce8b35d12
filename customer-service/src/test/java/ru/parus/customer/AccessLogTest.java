package ru.parus.customer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ru.parus.infra.test.TestInfra;

/** R24: every read of a customer's personal data is recorded and can be queried by the head, director, admin. */
@io.quarkus.test.junit.QuarkusTest
class AccessLogTest {
    static final String MANAGER = TestInfra.token("manager-a1", "MANAGER");
    static final String HEAD = TestInfra.token("head-a", "HEAD");
    static final String ADMIN = TestInfra.token("admin-a", "ADMIN");

    @Test
    void R24_everyReadOfPersonalDataIsRecordedWithWhoWhenAndEndpoint() {
        String surname = "Аудитова" + UUID.randomUUID().toString().substring(0, 6);
        String id = CustomerSearchTest.create(MANAGER, surname, "+7 920 " + (1000000 + (int) (Math.random() * 8999999)),
                UUID.randomUUID() + "@example.org");
        given().auth().oauth2(MANAGER).get("/customers/{id}", id).then().statusCode(200);
        given().auth().oauth2(MANAGER).get("/customers/{id}/contacts", id).then().statusCode(200);
        given().auth().oauth2(MANAGER).queryParam("q", surname).get("/customers").then().body("total", equalTo(1));
        given().auth().oauth2(TestInfra.token("director-a", "DIRECTOR")).get("/customers/{id}", id).then().statusCode(200);

        given().auth().oauth2(HEAD).get("/customers/{id}/access-log", id).then().statusCode(200)
                .body("total", equalTo(4))
                .body("items.staffId", contains("director-a", "manager-a1", "manager-a1", "manager-a1"))
                .body("items.endpoint", contains("GET /customers/{id}", "GET /customers?q", "GET /customers/{id}/contacts",
                        "GET /customers/{id}"))
                .body("items[0].roles", equalTo("DIRECTOR"))
                .body("items.customerId", hasItem(id));
        // reading the log is not a read of personal data
        given().auth().oauth2(HEAD).get("/customers/{id}/access-log", id).then().body("total", equalTo(4));
    }

    @Test
    void R24_readsAnsweredByOtherServicesReachTheOneAccessLogOnceEach() throws Exception {
        String id = CustomerApiTest.createCustomer(MANAGER, "+7 920 " + (1000000 + (int) (Math.random() * 8999999)));
        given().auth().oauth2(MANAGER).get("/customers/{id}", id).then().statusCode(200);
        String staff = "manager-" + UUID.randomUUID().toString().substring(0, 8);
        String read = """
                {"customerId":"%s","staffId":"%s","roles":["MANAGER"],"service":"order-service",
                 "endpoint":"GET /orders/{id}","fields":["recipient","address"],"accessedAt":"2026-01-04T09:00:00Z"}"""
                .formatted(id, staff);
        String eventId = UUID.randomUUID().toString();
        TimelineFromEventsTest.send("audit-events", "audit", "PersonalDataAccessed", read, eventId);
        TimelineFromEventsTest.send("audit-events", "audit", "PersonalDataAccessed", read, eventId); // redelivered

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(ADMIN)
                .queryParam("staffId", staff).get("/access-log").then().statusCode(200).body("total", equalTo(1)));
        given().auth().oauth2(ADMIN).queryParam("customerId", id).get("/access-log").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.service", contains("customer-service", "order-service"))
                .body("items[1].fields", equalTo("recipient,address"))
                .body("items[1].endpoint", equalTo("GET /orders/{id}"))
                .body("items[0].fields", equalTo("name,phone,email"));
        given().auth().oauth2(ADMIN).queryParam("customerId", id).queryParam("service", "order-service")
                .queryParam("from", "2026-01-04T08:59:59Z").queryParam("to", "2026-01-04T09:00:01Z")
                .get("/access-log").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void R24_onlyAdminReadsTheSystemWideLogAndBadFiltersAreProblems() {
        given().auth().oauth2(HEAD).get("/access-log").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(MANAGER).get("/access-log").then().statusCode(403).contentType("application/problem+json");
        given().get("/access-log").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).queryParam("from", "yesterday").get("/access-log").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(ADMIN).queryParam("customerId", "not-a-uuid").get("/access-log").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(ADMIN).queryParam("size", 501).get("/access-log").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void R24_aManagerCannotReadTheAccessLog() {
        String id = CustomerApiTest.createCustomer(MANAGER, "+7 920 " + (1000000 + (int) (Math.random() * 8999999)));
        given().auth().oauth2(MANAGER).get("/customers/{id}/access-log", id).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(HEAD).get("/customers/{id}/access-log?size=0", id).then().statusCode(400)
                .contentType("application/problem+json");
    }
}
