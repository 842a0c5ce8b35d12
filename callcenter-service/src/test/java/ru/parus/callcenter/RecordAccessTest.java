package ru.parus.callcenter;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ru.parus.callcenter.domain.CallTask;
import ru.parus.callcenter.domain.TaskStatus;
import ru.parus.callcenter.domain.Priority;
import ru.parus.callcenter.repository.CallTaskRepository;
import ru.parus.infra.test.TestInfra;
import ru.parus.infra.test.TestKafka;
import ru.parus.platform.access.PersonalDataAudit;
import ru.parus.platform.testing.EventSchemas;

/**
 * R24 with R22: calls, tasks, script runs and feedback belong to their manager (the responsible person for feedback);
 * a colleague reads and acts on them only while deputising through an absence recorded in this service's API; the
 * head all; customers named in a request go through platform's CustomerAccess. Reads of personal data are recorded
 * as PersonalDataAccessed on audit-events.
 */
@QuarkusTest
class RecordAccessTest {
    static final String HEAD = TestInfra.token("head-1", "HEAD");
    static final String FORBIDDEN = "urn:parus:problem:forbidden";

    @Inject
    CallTaskRepository tasks;
    @Inject
    Clock clock;

    OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** A customer registered through the real broker with this owner (null: nobody), once the projection has it. */
    static String customerOf(String owner) throws Exception {
        String customer = Events.registerCustomer(Events.id(), owner);
        await().atMost(Duration.ofSeconds(15)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = EntityManagers.em().createNativeQuery(
                    "SELECT owner_manager_id FROM customer_projection WHERE customer_id = ?1")
                    .setParameter(1, UUID.fromString(customer)).getResultList();
            return !rows.isEmpty() && java.util.Objects.equals(owner, rows.get(0));
        }));
        return customer;
    }

    static String call(String token, String customer) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"direction\":\"OUTBOUND\",\"phone\":\"" + CallsTest.phone() + "\",\"customerId\":\"" + customer
                        + "\",\"startedAt\":\"2026-11-27T10:00:00Z\",\"endedAt\":\"2026-11-27T10:02:00Z\","
                        + "\"purpose\":\"REFERENCE\",\"outcome\":\"REACHED_AGREED\",\"notes\":\"Спросил о доставке\"}")
                .post("/calls").then().statusCode(201).extract().path("id");
    }

    static int callStatus(String token, String customer) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"direction\":\"INBOUND\",\"phone\":\"" + CallsTest.phone() + "\",\"customerId\":\"" + customer
                        + "\",\"startedAt\":\"2026-11-27T11:00:00Z\",\"endedAt\":\"2026-11-27T11:01:00Z\","
                        + "\"purpose\":\"REFERENCE\",\"outcome\":\"REACHED_AGREED\"}")
                .post("/calls").then().extract().statusCode();
    }

    CallTask callbackTask(String assignee, String customer) {
        CallTask t = new CallTask();
        t.id = UUID.randomUUID();
        t.customerId = UUID.fromString(customer);
        t.kind = "CALLBACK";
        t.cause = "pbx-call:" + UUID.randomUUID();
        t.assignee = assignee;
        t.phone = CallsTest.phone();
        t.status = TaskStatus.OPEN;
        t.priority = Priority.HIGH.rank();
        t.createdAt = now();
        t.dueAt = t.createdAt.plus(Duration.ofDays(30));
        QuarkusTransaction.requiringNew().run(() -> tasks.persist(t));
        return t;
    }

    /** R22: an absence through this service's own API, begun at once; returns its id. */
    String absence(String manager, String deputy) {
        return given().auth().oauth2(HEAD).contentType(ContentType.JSON)
                .body("{\"reason\":\"LEAVE\",\"startsAt\":\"" + now().minusHours(1) + "\",\"endsAt\":\""
                        + now().plusDays(14) + "\",\"deputyId\":\"" + deputy + "\"}")
                .post("/staff/{id}/absences", manager).then().statusCode(201).body("status", equalTo("ACTIVE"))
                .extract().path("id");
    }

    static void endAbsence(String manager, String absenceId) {
        given().auth().oauth2(HEAD).delete("/staff/{id}/absences/{a}", manager, absenceId).then().statusCode(200)
                .body("status", equalTo("ENDED"));
    }

    static int status(String token, String path, Object... params) {
        return given().auth().oauth2(token).get(path, params).then().extract().statusCode();
    }

    static final String RUN = "{\"scriptCode\":\"unpaid-order\",\"%s\":\"%s\",\"answers\":["
            + "{\"stepId\":\"greeting\",\"answer\":\"да\"},{\"stepId\":\"still-wanted\",\"answer\":\"да\"},"
            + "{\"stepId\":\"payment\",\"answer\":\"ссылка\"},{\"stepId\":\"goodbye\"}]}";

    @Test
    void R24_R22_callsAndTasksAreTheirManagersTheDeputysDuringAnAbsenceAndTheHeads() throws Exception {
        String owner = People.manager(null);
        String colleague = People.manager(null);
        String ownerToken = TestInfra.token(owner, "MANAGER");
        String colleagueToken = TestInfra.token(colleague, "MANAGER");
        String third = TestInfra.token(People.id("manager"), "MANAGER");
        String customer = customerOf(owner);
        String callId = call(ownerToken, customer);
        CallTask task = callbackTask(owner, customer);

        // R24: the owner reads their call and task; the head, the director and the admin all
        given().auth().oauth2(ownerToken).get("/calls/{id}", callId).then().statusCode(200)
                .body("managerId", equalTo(owner)).body("customerId", equalTo(customer));
        given().auth().oauth2(ownerToken).get("/tasks/{id}", task.id).then().statusCode(200);
        for (String token : List.of(HEAD, TestInfra.token("director-1", "DIRECTOR"), People.ADMIN)) {
            assertEquals(200, status(token, "/calls/{id}", callId));
            assertEquals(200, status(token, "/tasks/{id}", task.id));
        }
        // R24: another manager: 403 problem on every operation that takes the call, the task or the customer
        given().auth().oauth2(colleagueToken).get("/calls/{id}", callId).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo(FORBIDDEN));
        given().auth().oauth2(colleagueToken).get("/tasks/{id}", task.id).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo(FORBIDDEN));
        given().auth().oauth2(colleagueToken).contentType(ContentType.JSON).body("{\"outcome\":\"NO_ANSWER\"}")
                .post("/tasks/{id}/complete", task.id).then().statusCode(403).body("type", equalTo(FORBIDDEN));
        given().auth().oauth2(colleagueToken).contentType(ContentType.JSON).body("{\"reason\":\"нестандартный случай\"}")
                .post("/calls/{id}/escalate", callId).then().statusCode(403).body("type", equalTo(FORBIDDEN));
        given().auth().oauth2(colleagueToken).contentType(ContentType.JSON)
                .body(RUN.formatted("callId", callId)).post("/script-runs").then().statusCode(403)
                .body("type", equalTo(FORBIDDEN));
        given().auth().oauth2(colleagueToken).contentType(ContentType.JSON)
                .body(RUN.formatted("customerId", customer)).post("/script-runs").then().statusCode(403)
                .body("type", equalTo(FORBIDDEN)).body("customerId", equalTo(customer));
        assertEquals(403, callStatus(colleagueToken, customer));
        assertEquals(403, status(colleagueToken, "/calls?managerId={m}", owner));
        assertEquals(403, status(colleagueToken, "/tasks?assignee={m}", owner));
        given().auth().oauth2(colleagueToken).get("/calls?customerId={c}", customer).then().statusCode(200)
                .body("total", equalTo(0)); // a list shows only the calls the caller may read
        // an unknown id is 404 first, whoever asks; no token 401
        given().auth().oauth2(colleagueToken).get("/calls/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(colleagueToken).get("/tasks/{id}", UUID.randomUUID()).then().statusCode(404);
        given().get("/calls/{id}", callId).then().statusCode(401).contentType("application/problem+json");
        given().get("/tasks/{id}", task.id).then().statusCode(401).contentType("application/problem+json");

        // R22: while the colleague deputises for the owner (an absence recorded here), they read and act on it all
        String absenceId = absence(owner, colleague);
        given().auth().oauth2(colleagueToken).get("/calls/{id}", callId).then().statusCode(200)
                .body("managerId", equalTo(owner));
        given().auth().oauth2(colleagueToken).get("/tasks/{id}", task.id).then().statusCode(200)
                .body("assignee", equalTo(colleague)).body("originalAssignee", equalTo(owner));
        given().auth().oauth2(ownerToken).get("/tasks/{id}", task.id).then().statusCode(200); // still the owner's
        given().auth().oauth2(colleagueToken).get("/calls?managerId={m}", owner).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(callId));
        assertEquals(201, callStatus(colleagueToken, customer));
        given().auth().oauth2(colleagueToken).get("/calls?customerId={c}", customer).then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", org.hamcrest.Matchers.hasItem(callId));
        given().auth().oauth2(colleagueToken).contentType(ContentType.JSON)
                .body(RUN.formatted("callId", callId)).post("/script-runs").then().statusCode(201)
                .body("callId", equalTo(callId)).body("managerId", equalTo(colleague));
        given().auth().oauth2(colleagueToken).contentType(ContentType.JSON).body("{\"reason\":\"нестандартный случай\"}")
                .post("/calls/{id}/escalate", callId).then().statusCode(201).body("managerId", equalTo(owner));
        // a third manager still may not
        assertEquals(403, status(third, "/calls/{id}", callId));
        assertEquals(403, status(third, "/tasks/{id}", task.id));

        // R22: the absence ended: the deputy's access ends (the task went back to the owner)
        endAbsence(owner, absenceId);
        given().auth().oauth2(colleagueToken).get("/calls/{id}", callId).then().statusCode(403)
                .body("type", equalTo(FORBIDDEN));
        given().auth().oauth2(colleagueToken).get("/tasks/{id}", task.id).then().statusCode(403);
        assertEquals(403, status(colleagueToken, "/calls?managerId={m}", owner));
        given().auth().oauth2(colleagueToken).get("/calls?customerId={c}", customer).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].managerId", equalTo(colleague));
        assertEquals(403, callStatus(colleagueToken, customer));
        given().auth().oauth2(ownerToken).contentType(ContentType.JSON).body("{\"outcome\":\"REACHED_AGREED\"}")
                .post("/tasks/{id}/complete", task.id).then().statusCode(200).body("completedBy", equalTo(owner));
        given().auth().oauth2(HEAD).get("/calls/{id}", callId).then().statusCode(200);
    }

    @Test
    void R24_R22_anUnownedCustomerIsAnyManagersAndACampaignTasksCustomerIsItsAssignees() throws Exception {
        String manager = People.manager(null);
        String token = TestInfra.token(manager, "MANAGER");
        // platform's CustomerAccess: an unowned customer, and one this service has not heard of, are any manager's
        String unowned = customerOf(null);
        assertEquals(201, callStatus(token, unowned));
        assertEquals(201, callStatus(token, Events.id()));
        // a task assigned to the manager for another manager's customer (a campaign, R16): the call and the run are
        // theirs for it
        String othersCustomer = customerOf(People.manager(null));
        CallTask task = callbackTask(manager, othersCustomer);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"direction\":\"OUTBOUND\",\"phone\":\"" + CallsTest.phone() + "\",\"customerId\":\""
                        + othersCustomer + "\",\"startedAt\":\"2026-11-27T12:00:00Z\",\"endedAt\":\"2026-11-27T12:01:00Z\","
                        + "\"purpose\":\"OTHER\",\"outcome\":\"REACHED_AGREED\",\"taskId\":\"" + task.id + "\"}")
                .post("/calls").then().statusCode(201).body("customerId", equalTo(othersCustomer));
        // without the task the same customer is another manager's
        assertEquals(403, callStatus(token, othersCustomer));
    }

    @Test
    void R24_R22_feedbackIsAnsweredByTheResponsibleTheirDeputyDuringAnAbsenceOrTheHead() throws Exception {
        String responsible = People.put("logistics-1", "MANAGER", null); // parus.callcenter.feedback.routes.delivery
        String deputy = People.manager(null);
        String deputyToken = TestInfra.token(deputy, "MANAGER");
        String author = People.manager(null);
        String authorToken = TestInfra.token(author, "MANAGER");
        String customer = customerOf(author);
        String[] ids = new String[3];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = FeedbackApiTest.post(authorToken, UUID.fromString(customer), "COMPLAINT", "delivery", "Опоздал курьер")
                    .statusCode(201).body("responsible", equalTo(responsible)).extract().path("id");
        }
        // R24: not for another manager's customer
        FeedbackApiTest.post(deputyToken, UUID.fromString(customer), "WISH", "delivery", "x").statusCode(403)
                .body("type", equalTo(FORBIDDEN));
        String answer = "{\"answer\":\"Курьерская служба оштрафована\",\"justified\":true}";
        given().auth().oauth2(deputyToken).contentType(ContentType.JSON).body(answer).post("/feedback/{id}/answer", ids[0])
                .then().statusCode(403).body("type", equalTo(FORBIDDEN)).body("responsible", equalTo(responsible));
        assertEquals(403, status(deputyToken, "/feedback?responsible={r}", responsible));
        given().contentType(ContentType.JSON).body(answer).post("/feedback/{id}/answer", ids[0]).then().statusCode(401);

        // R22: the deputy of the absent responsible person answers and tracks their feedback
        String absenceId = absence(responsible, deputy);
        given().auth().oauth2(deputyToken).get("/feedback?responsible={r}&status=OPEN&size=100", responsible).then()
                .statusCode(200).body("items.id", org.hamcrest.Matchers.hasItems(ids));
        given().auth().oauth2(deputyToken).contentType(ContentType.JSON).body(answer).post("/feedback/{id}/answer", ids[0])
                .then().statusCode(200).body("answeredBy", equalTo(deputy));
        endAbsence(responsible, absenceId);
        given().auth().oauth2(deputyToken).contentType(ContentType.JSON).body(answer).post("/feedback/{id}/answer", ids[1])
                .then().statusCode(403);
        // the head and (R24: every record by role) the director answer anyone's
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body(answer).post("/feedback/{id}/answer", ids[1])
                .then().statusCode(200);
        given().auth().oauth2(TestInfra.token("director-1", "DIRECTOR")).contentType(ContentType.JSON).body(answer)
                .post("/feedback/{id}/answer", ids[2]).then().statusCode(200).body("answeredBy", equalTo("director-1"));
    }

    /** The PersonalDataAccessed events about this customer on audit-events now, each checked against its schema. */
    static List<JsonNode> audited(String customer) {
        return TestKafka.readAll(PersonalDataAudit.TOPIC).stream().filter(r -> customer.equals(r.key()))
                .filter(r -> "ru.parus.audit.PersonalDataAccessed.v1".equals(TestKafka.header(r, "ce_type")))
                .map(r -> {
                    assertEquals(Set.of(), EventSchemas.violations("PersonalDataAccessed.v1", r.value()));
                    try {
                        return Events.JSON.readTree(r.value());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    static List<String> texts(List<JsonNode> events, String field) {
        return events.stream().map(e -> e.get(field).asText()).toList();
    }

    @Test
    void R24_readsOfACustomersPhoneAndNotesAreRecordedOnAuditEventsAndA403IsNot() throws Exception {
        String owner = People.manager(null);
        String other = People.manager(null);
        String ownerToken = TestInfra.token(owner, "MANAGER");
        String customer = customerOf(owner);
        String callId = call(ownerToken, customer); // POST /calls shows the phone and the notes
        given().auth().oauth2(TestInfra.token(other, "MANAGER")).get("/calls/{id}", callId).then().statusCode(403);
        given().auth().oauth2(ownerToken).get("/calls/{id}", callId).then().statusCode(200);
        CallTask task = callbackTask(owner, customer);
        given().auth().oauth2(ownerToken).get("/tasks/{id}", task.id).then().statusCode(200);
        given().auth().oauth2(HEAD).get("/calls?customerId={c}", customer).then().statusCode(200)
                .body("total", equalTo(1));

        await().atMost(Duration.ofSeconds(20)).until(() -> audited(customer).size() >= 4);
        List<JsonNode> events = audited(customer);
        assertEquals(List.of("POST /calls", "GET /calls/{id}", "GET /tasks/{id}", "GET /calls"), texts(events, "endpoint"),
                events.toString());
        assertEquals(List.of(owner, owner, owner, "head-1"), texts(events, "staffId"), "none for the refused read");
        assertEquals(Set.of(customer), Set.copyOf(texts(events, "customerId")));
        assertEquals(Set.of("callcenter-service"), Set.copyOf(texts(events, "service")));
        assertEquals(List.of("notes", "phone"), Events.JSON.convertValue(events.get(1).get("fields"), List.class));
        assertEquals(List.of("phone"), Events.JSON.convertValue(events.get(2).get("fields"), List.class));
        assertEquals(List.of("MANAGER"), Events.JSON.convertValue(events.get(1).get("roles"), List.class));
        assertEquals(List.of("HEAD"), Events.JSON.convertValue(events.get(3).get("roles"), List.class));
    }
}
