package ru.parus.callcenter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import ru.parus.callcenter.domain.CustomerProjection;
import ru.parus.callcenter.repository.CustomerProjectionRepository;
import ru.parus.infra.test.TestInfra;
import ru.parus.infra.test.TestKafka;
import ru.parus.platform.testing.EventSchemas;
import ru.parus.platform.testing.SettableClock;

/** R20: complaints and wishes routed by category, with deadlines, answered once, tracked; their events. */
@QuarkusTest
class FeedbackApiTest {
    static final String HEAD = TestInfra.token("head-1", "HEAD");
    static final String LOGISTICS = TestInfra.token("logistics-1", "MANAGER");
    static final String QUALITY = TestInfra.token("quality-1", "MANAGER");

    @Inject
    CustomerProjectionRepository customers;
    @Inject
    Clock clock;

    UUID customer() {
        CustomerProjection c = new CustomerProjection();
        c.customerId = UUID.randomUUID();
        c.updatedAt = OffsetDateTime.now(clock);
        QuarkusTransaction.requiringNew().run(() -> customers.persist(c));
        return c.customerId;
    }

    static ValidatableResponse post(String token, UUID customer, String kind, String category, String text) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"customerId\":\"" + customer + "\",\"kind\":\"" + kind + "\",\"category\":\"" + category
                        + "\",\"text\":\"" + text + "\",\"callId\":\"" + UUID.randomUUID() + "\"}")
                .post("/feedback").then();
    }

    static String event(String type, String feedbackId) {
        List<ConsumerRecord<String, String>> found = TestKafka.awaitRecords("callcenter-events",
                r -> Events.ceType("callcenter", type).equals(TestKafka.header(r, "ce_type")) && feedbackId.equals(r.key()),
                1, Duration.ofSeconds(10));
        assertEquals(1, found.size());
        String json = found.get(0).value();
        assertTrue(EventSchemas.violations(type + ".v1", json).isEmpty(),
                () -> EventSchemas.violations(type + ".v1", json).toString());
        return json;
    }

    @Test
    void R20_remarksAreRoutedByCategoryWithDeadlinesAnsweredOnceAndTracked() {
        String me = "manager-" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestInfra.token(me, "MANAGER");
        UUID customer = customer();
        String c1 = post(token, customer, "COMPLAINT", "delivery", "Курьер опоздал").statusCode(201)
                .body("responsible", equalTo("logistics-1")).body("status", equalTo("OPEN"))
                .body("createdBy", equalTo(me)).extract().path("id");
        var created = given().auth().oauth2(token).get("/feedback").then().extract().jsonPath();
        String c2 = post(token, customer, "COMPLAINT", "quality", "Протеин комкуется").statusCode(201)
                .body("responsible", equalTo("quality-1")).extract().path("id");
        var wish = post(token, customer, "WISH", "assortment", "Добавьте протеин без лактозы").statusCode(201)
                .body("responsible", equalTo("head-1")).extract().jsonPath(); // no route: the default, the head
        String w = wish.getString("id");
        assertEquals(Duration.ofDays(7), Duration.between(OffsetDateTime.parse(wish.getString("createdAt")),
                OffsetDateTime.parse(wish.getString("deadline"))));
        var complaint = given().auth().oauth2(HEAD).get("/feedback?size=100&status=OPEN").then().statusCode(200)
                .body("items.id", hasItem(c1)).extract().jsonPath();
        int i = complaint.getList("items.id").indexOf(c1);
        assertEquals(Duration.ofDays(3), Duration.between(OffsetDateTime.parse(complaint.getString("items[" + i + "].createdAt")),
                OffsetDateTime.parse(complaint.getString("items[" + i + "].deadline"))));
        String received = event("FeedbackReceived", c1);
        assertTrue(received.contains("\"responsible\":\"logistics-1\""), received);
        assertEquals(1, created.getInt("total"));

        // the author sees what they entered, nothing else
        given().auth().oauth2(token).get("/feedback").then().statusCode(200).body("total", equalTo(3));

        // only the responsible person or the head answers
        String answer = "{\"answer\":\"Курьерская служба оштрафована\",\"justified\":true}";
        given().auth().oauth2(QUALITY).contentType(ContentType.JSON).body(answer).post("/feedback/{id}/answer", c1)
                .then().statusCode(403).contentType("application/problem+json").body("responsible", equalTo("logistics-1"));
        given().auth().oauth2(LOGISTICS).contentType(ContentType.JSON).body(answer).post("/feedback/{id}/answer", c1)
                .then().statusCode(200).body("status", equalTo("ANSWERED")).body("justified", equalTo(true))
                .body("answeredBy", equalTo("logistics-1"));
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body(answer).post("/feedback/{id}/answer", c1)
                .then().statusCode(409).contentType("application/problem+json").body("currentStatus", equalTo("ANSWERED"));
        String answered = event("FeedbackAnswered", c1);
        assertTrue(answered.contains("\"justified\":true") && answered.contains("\"onTime\":true"), answered);

        ((SettableClock) clock).advance(Duration.ofDays(4)); // the open complaint c2 is now overdue, the wish not yet
        given().auth().oauth2(HEAD).get("/feedback?overdue=true&size=100").then().statusCode(200)
                .body("items.id", hasItem(c2)).body("items.id", not(hasItem(c1))).body("items.id", not(hasItem(w)));
        given().auth().oauth2(QUALITY).get("/feedback?responsible=me&overdue=true&size=100").then().statusCode(200)
                .body("items.id", hasItem(c2)).body("items.responsible", org.hamcrest.Matchers.everyItem(equalTo("quality-1")));
        given().auth().oauth2(token).get("/feedback?overdue=true").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(c2));
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body("{\"answer\":\"Партия проверена\",\"justified\":false}")
                .post("/feedback/{id}/answer", c2).then().statusCode(200).body("answeredBy", equalTo("head-1"));
        String late = event("FeedbackAnswered", c2);
        assertTrue(late.contains("\"justified\":false") && late.contains("\"onTime\":false"), late);
        given().auth().oauth2(token).get("/feedback?status=ANSWERED").then().body("total", equalTo(2));
    }

    @Test
    void badInputAndRolesAnswerProblems() {
        UUID customer = customer();
        String token = TestInfra.token("manager-1", "MANAGER");
        post(token, customer, "PRAISE", "delivery", "x").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind")).body("allowedKinds", equalTo(List.of("COMPLAINT", "WISH")));
        post(token, customer, "WISH", "Bad Category", "x").statusCode(400).body("errors[0].field", equalTo("category"));
        post(token, customer, "WISH", "delivery", " ").statusCode(400).body("errors[0].field", equalTo("text"));
        post(token, UUID.randomUUID(), "WISH", "delivery", "x").statusCode(400).body("errors[0].field", equalTo("customerId"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"kind\":\"WISH\"}").post("/feedback").then()
                .statusCode(400).body("errors[0].field", equalTo("customerId"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"customerId\":").post("/feedback").then()
                .statusCode(400).body("type", equalTo("urn:parus:problem:malformed-request"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"customerId\":\"nope\"}").post("/feedback")
                .then().statusCode(400).contentType("application/problem+json");
        post(TestInfra.token("director-1", "DIRECTOR"), customer, "WISH", "delivery", "x").statusCode(403)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{}").post("/feedback").then().statusCode(401)
                .contentType("application/problem+json");
        String id = post(token, customer, "WISH", "delivery", "x").statusCode(201).extract().path("id");
        given().auth().oauth2(LOGISTICS).contentType(ContentType.JSON).body("{\"answer\":\"ok\"}")
                .post("/feedback/{id}/answer", id).then().statusCode(400).body("errors[0].field", equalTo("justified"));
        given().auth().oauth2(LOGISTICS).contentType(ContentType.JSON).body("{\"justified\":true}")
                .post("/feedback/{id}/answer", id).then().statusCode(400).body("errors[0].field", equalTo("answer"));
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body("{\"answer\":\"ok\",\"justified\":false}")
                .post("/feedback/{id}/answer", UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        for (String q : List.of("status=DONE", "overdue=maybe", "size=0", "page=-1")) {
            given().auth().oauth2(HEAD).get("/feedback?" + q).then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(token).get("/feedback?responsible=logistics-1").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestInfra.token("wh-1", "WAREHOUSE")).get("/feedback").then().statusCode(403);
    }
}
