package ru.parus.callcenter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import ru.parus.infra.test.TestInfra;
import ru.parus.infra.test.TestKafka;
import ru.parus.platform.testing.EventSchemas;

/** R19: a call's case goes to the manager's head, who records the resolution. */
@QuarkusTest
class EscalationsTest {

    static String registerCall(String manager) {
        return CallsTest.call(TestInfra.token(manager, "MANAGER"), "{\"direction\":\"INBOUND\",\"phone\":\""
                + CallsTest.phone() + "\",\"startedAt\":\"2026-11-27T10:00:00Z\",\"endedAt\":\"2026-11-27T10:02:00Z\","
                + "\"purpose\":\"COMPLAINT\",\"outcome\":\"REACHED_CALL_BACK\"}");
    }

    static String escalate(String manager, String callId, String reason) {
        return given().auth().oauth2(TestInfra.token(manager, "MANAGER")).contentType(ContentType.JSON)
                .body("{\"reason\":\"" + reason + "\"}").post("/calls/{id}/escalate", callId).then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void R19_escalationGoesToTheManagersHeadWhoResolvesItOnce() {
        String head = People.head();
        String manager = People.manager(head);
        String callId = registerCall(manager);
        String escalationId = escalate(manager, callId, "Требует возврат вне правил");
        String headToken = TestInfra.token(head, "HEAD");

        JsonPath tasks = given().auth().oauth2(headToken).get("/tasks?assignee=me").then().statusCode(200).extract().jsonPath();
        assertEquals(1, tasks.getInt("total"));
        assertEquals("ESCALATION", tasks.getString("items[0].kind"));
        assertEquals(escalationId, tasks.getString("items[0].escalationId"));
        assertEquals(callId, tasks.getString("items[0].callId"));
        String taskId = tasks.getString("items[0].id");
        given().auth().oauth2(headToken).get("/escalations/{id}", escalationId).then().statusCode(200)
                .body("headId", equalTo(head)).body("managerId", equalTo(manager)).body("status", equalTo("OPEN"))
                .body("taskId", equalTo(taskId)).body("reason", equalTo("Требует возврат вне правил"));
        given().auth().oauth2(headToken).get("/escalations?status=OPEN&size=100").then().statusCode(200)
                .body("items.id", hasItem(escalationId));

        // once open, not again; not by another manager
        given().auth().oauth2(TestInfra.token(manager, "MANAGER")).contentType(ContentType.JSON).body("{\"reason\":\"ещё\"}")
                .post("/calls/{id}/escalate", callId).then().statusCode(409).contentType("application/problem+json")
                .body("escalationId", equalTo(escalationId));
        given().auth().oauth2(TestInfra.token(People.id("manager"), "MANAGER")).contentType(ContentType.JSON)
                .body("{\"reason\":\"x\"}").post("/calls/{id}/escalate", callId).then().statusCode(403)
                .contentType("application/problem+json");

        given().auth().oauth2(TestInfra.token(manager, "MANAGER")).contentType(ContentType.JSON)
                .body("{\"resolution\":\"сам решу\"}").post("/escalations/{id}/resolve", escalationId).then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(headToken).contentType(ContentType.JSON).body("{\"resolution\":\"Возврат одобрен\"}")
                .post("/escalations/{id}/resolve", escalationId).then().statusCode(200)
                .body("status", equalTo("RESOLVED")).body("resolution", equalTo("Возврат одобрен"))
                .body("resolvedBy", equalTo(head));
        given().auth().oauth2(headToken).contentType(ContentType.JSON).body("{\"resolution\":\"ещё раз\"}")
                .post("/escalations/{id}/resolve", escalationId).then().statusCode(409)
                .contentType("application/problem+json").body("currentStatus", equalTo("RESOLVED"));
        given().auth().oauth2(headToken).get("/tasks/{id}", taskId).then().body("status", equalTo("DONE"))
                .body("outcome", equalTo("ESCALATION_RESOLVED")).body("note", equalTo("Возврат одобрен"));
        given().auth().oauth2(headToken).get("/escalations?status=OPEN&size=100").then()
                .body("items.id", not(hasItem(escalationId)));
        given().auth().oauth2(headToken).get("/escalations?status=RESOLVED&size=100").then()
                .body("items.id", hasItem(escalationId));

        List<ConsumerRecord<String, String>> escalated = TestKafka.awaitRecords("callcenter-events",
                r -> "ru.parus.callcenter.CallEscalated.v1".equals(TestKafka.header(r, "ce_type")) && escalationId.equals(r.key()),
                2, Duration.ofSeconds(3));
        assertEquals(1, escalated.size());
        assertEquals(Set.of(), EventSchemas.violations("CallEscalated.v1", escalated.get(0).value()));
        List<ConsumerRecord<String, String>> resolved = TestKafka.awaitRecords("callcenter-events",
                r -> "ru.parus.callcenter.EscalationResolved.v1".equals(TestKafka.header(r, "ce_type")) && escalationId.equals(r.key()),
                2, Duration.ofSeconds(3));
        assertEquals(1, resolved.size());
        assertEquals(Set.of(), EventSchemas.violations("EscalationResolved.v1", resolved.get(0).value()));
        List<ConsumerRecord<String, String>> completed = Events.published("CallTaskCompleted", taskId, 1, Duration.ofSeconds(10));
        assertEquals(Set.of(), EventSchemas.violations("CallTaskCompleted.v1", completed.get(0).value()));
    }

    @Test
    void R19_aManagerWithoutAHeadInTheStaffTableEscalatesToTheConfiguredDefaultHead() {
        String manager = People.id("manager"); // not on the staff
        String callId = registerCall(manager);
        String escalationId = escalate(manager, callId, "Нестандартная ситуация");
        given().auth().oauth2(TestInfra.token("head-1", "HEAD")).get("/escalations/{id}", escalationId).then()
                .statusCode(200).body("headId", equalTo("head-1"));
    }

    @Test
    void R19_badEscalationsAnswerProblems() {
        String manager = People.manager(null);
        String callId = registerCall(manager);
        String token = TestInfra.token(manager, "MANAGER");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").post("/calls/{id}/escalate", callId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:validation"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"reason\":").post("/calls/{id}/escalate", callId)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .post("/calls/{id}/escalate", UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"reason\":\"x\"}").post("/calls/{id}/escalate", callId)
                .then().statusCode(401).contentType("application/problem+json");
        String head = TestInfra.token("head-1", "HEAD");
        given().auth().oauth2(head).contentType(ContentType.JSON).body("{}")
                .post("/escalations/{id}/resolve", UUID.randomUUID()).then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(head).contentType(ContentType.JSON).body("{\"resolution\":\"ok\"}")
                .post("/escalations/{id}/resolve", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(head).get("/escalations?status=MAYBE").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(token).get("/escalations").then().statusCode(403).contentType("application/problem+json");
        given().get("/escalations").then().statusCode(401).contentType("application/problem+json");
    }
}
