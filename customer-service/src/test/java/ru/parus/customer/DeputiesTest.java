package ru.parus.customer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ru.parus.infra.test.TestInfra;
import ru.parus.infra.test.TestKafka;
import ru.parus.platform.testing.EventSchemas;

/** R22: a deputy covers an absent manager's customers, from callcenter-service's absence events on the real broker. */
@QuarkusTest
class DeputiesTest {
    static final String STARTED = "ru.parus.callcenter.ManagerAbsenceStarted.v1";
    static final String ENDED = "ru.parus.callcenter.ManagerAbsenceEnded.v1";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Clock clock;

    /** ManagerAbsenceStarted from the schema's example, with our ids and a period around the application's now. */
    String started(String absenceId, String manager, String deputy, Instant startsAt, Instant endsAt) throws Exception {
        ObjectNode e = (ObjectNode) JSON.readTree(EventSchemas.examples("ManagerAbsenceStarted.v1").get(0));
        e.put("absenceId", absenceId).put("managerId", manager).put("deputyId", deputy)
                .put("startsAt", startsAt.toString()).put("endsAt", endsAt.toString());
        String json = JSON.writeValueAsString(e);
        assertTrue(EventSchemas.violations("ManagerAbsenceStarted.v1", json).isEmpty(), json);
        return json;
    }

    String ended(String absenceId, String manager, String deputy) throws Exception {
        ObjectNode e = (ObjectNode) JSON.readTree(EventSchemas.examples("ManagerAbsenceEnded.v1").get(0));
        e.put("absenceId", absenceId).put("managerId", manager).put("deputyId", deputy)
                .put("endedAt", clock.instant().toString());
        String json = JSON.writeValueAsString(e);
        assertTrue(EventSchemas.violations("ManagerAbsenceEnded.v1", json).isEmpty(), json);
        return json;
    }

    static void publish(String key, String type, String payload, String eventId) throws Exception {
        TestKafka.send("callcenter-events", key, payload, TestKafka.cloudEventHeaders(eventId, type));
    }

    static String phone() {
        return "+7 921 " + (1000000 + (int) (Math.random() * 8999999));
    }

    @Test
    void R22_aDeputyReadsAndChangesTheAbsentManagersCustomersUntilTheAbsenceEnds() throws Exception {
        String absent = "manager-a" + System.nanoTime();
        String deputy = "manager-d" + System.nanoTime();
        String absentToken = TestInfra.token(absent, "MANAGER");
        String deputyToken = TestInfra.token(deputy, "MANAGER");
        String name = "Заместимый" + System.nanoTime();
        String customer = given().auth().oauth2(absentToken).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"phone\":\"" + phone() + "\",\"type\":\"FITNESS\"}")
                .post("/customers").then().statusCode(201).extract().path("id");

        // R24: before the absence the other manager gets 403 everywhere
        given().auth().oauth2(deputyToken).get("/customers/{id}", customer).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:parus:problem:forbidden"));
        given().auth().oauth2(deputyToken).get("/customers/{id}/timeline", customer).then().statusCode(403);
        given().auth().oauth2(deputyToken).get("/customers/{id}/contacts", customer).then().statusCode(403);
        given().auth().oauth2(deputyToken).queryParam("q", name).get("/customers").then().statusCode(200)
                .body("total", equalTo(0));

        String absence = UUID.randomUUID().toString();
        Instant now = clock.instant();
        publish(absent, STARTED, started(absence, absent, deputy, now.minus(1, ChronoUnit.HOURS),
                now.plus(3650, ChronoUnit.DAYS)), UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(deputyToken)
                .get("/customers/{id}", customer).then().statusCode(200).body("id", equalTo(customer)));
        given().auth().oauth2(deputyToken).queryParam("q", name).get("/customers").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(customer));
        given().auth().oauth2(deputyToken).get("/customers/{id}/timeline", customer).then().statusCode(200);
        given().auth().oauth2(deputyToken).get("/customers/{id}/consents", customer).then().statusCode(200);
        String tag = given().auth().oauth2(deputyToken).get("/customers/{id}/contacts", customer).then()
                .statusCode(200).extract().header("ETag");
        String newPhone = phone();
        given().auth().oauth2(deputyToken).contentType(ContentType.JSON).header("If-Match", tag)
                .body("{\"phones\":[\"" + newPhone + "\"]}").put("/customers/{id}/contacts", customer)
                .then().statusCode(200).body("phones", hasItem(newPhone.replace(" ", "")));
        // the absent manager keeps their own access
        given().auth().oauth2(absentToken).get("/customers/{id}", customer).then().statusCode(200);
        // a third manager still does not see it
        given().auth().oauth2(TestInfra.token("manager-x" + System.nanoTime(), "MANAGER"))
                .get("/customers/{id}", customer).then().statusCode(403);

        publish(absent, ENDED, ended(absence, absent, deputy), UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(deputyToken)
                .get("/customers/{id}", customer).then().statusCode(403));
        given().auth().oauth2(deputyToken).queryParam("q", name).get("/customers").then().body("total", equalTo(0));
        given().auth().oauth2(deputyToken).get("/customers/{id}/consents", customer).then().statusCode(403);
    }

    @Test
    void R22_anAbsenceNotYetBegunOrAlreadyPastGivesNoAccess() throws Exception {
        String absent = "manager-f" + System.nanoTime();
        String deputy = "manager-g" + System.nanoTime();
        String customer = CustomerApiTest.createCustomer(TestInfra.token(absent, "MANAGER"), phone());
        Instant now = clock.instant();
        String future = UUID.randomUUID().toString();
        String past = UUID.randomUUID().toString();
        publish(absent, STARTED, started(future, absent, deputy, now.plus(30, ChronoUnit.DAYS),
                now.plus(40, ChronoUnit.DAYS)), UUID.randomUUID().toString());
        publish(absent, STARTED, started(past, absent, deputy, now.minus(40, ChronoUnit.DAYS),
                now.minus(30, ChronoUnit.DAYS)), UUID.randomUUID().toString());
        // a current absence of someone else to the same deputy, published last: once it shows, the two above were consumed
        String other = "manager-h" + System.nanoTime();
        String otherCustomer = CustomerApiTest.createCustomer(TestInfra.token(other, "MANAGER"), phone());
        publish(other, STARTED, started(UUID.randomUUID().toString(), other, deputy, now.minus(1, ChronoUnit.HOURS),
                now.plus(3650, ChronoUnit.DAYS)), UUID.randomUUID().toString());
        String deputyToken = TestInfra.token(deputy, "MANAGER");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(deputyToken)
                .get("/customers/{id}", otherCustomer).then().statusCode(200));
        given().auth().oauth2(deputyToken).get("/customers/{id}", customer).then().statusCode(403);
    }

    @Test
    void R22_aDuplicateStartedAfterTheEndDoesNotReopenAccess() throws Exception {
        String absent = "manager-i" + System.nanoTime();
        String deputy = "manager-j" + System.nanoTime();
        String customer = CustomerApiTest.createCustomer(TestInfra.token(absent, "MANAGER"), phone());
        String absence = UUID.randomUUID().toString();
        String startedId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        String startedJson = started(absence, absent, deputy, now.minus(1, ChronoUnit.HOURS), now.plus(3650, ChronoUnit.DAYS));
        publish(absent, STARTED, startedJson, startedId);
        publish(absent, ENDED, ended(absence, absent, deputy), UUID.randomUUID().toString());
        publish(absent, STARTED, startedJson, startedId); // redelivered: the inbox drops it
        // unknown types and poison are no obstacle: the channel goes on
        publish(absent, "ru.parus.callcenter.ManagerSomethingNew.v1", "{\"managerId\":\"" + absent + "\"}",
                UUID.randomUUID().toString());
        String poisonId = UUID.randomUUID().toString();
        publish(absent, STARTED, "{\"absenceId\":\"" + UUID.randomUUID() + "\"}", poisonId);
        // a later absence to the same deputy shows when everything above was consumed
        String other = "manager-k" + System.nanoTime();
        String otherCustomer = CustomerApiTest.createCustomer(TestInfra.token(other, "MANAGER"), phone());
        publish(other, STARTED, started(UUID.randomUUID().toString(), other, deputy, now.minus(1, ChronoUnit.HOURS),
                now.plus(3650, ChronoUnit.DAYS)), UUID.randomUUID().toString());
        String deputyToken = TestInfra.token(deputy, "MANAGER");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(deputyToken)
                .get("/customers/{id}", otherCustomer).then().statusCode(200));
        given().auth().oauth2(deputyToken).get("/customers/{id}", customer).then().statusCode(403);
        List<ConsumerRecord<String, String>> dead = TestKafka.awaitRecords("callcenter-events.customer-service.dlq",
                r -> poisonId.equals(TestKafka.header(r, "ce_id")), 1, Duration.ofSeconds(15));
        assertEquals(1, dead.size(), "the schema-invalid absence in the dead-letter topic");
    }
}
