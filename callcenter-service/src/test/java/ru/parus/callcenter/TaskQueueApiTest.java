package ru.parus.callcenter;

import ru.parus.platform.testing.SettableClock;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ru.parus.callcenter.domain.CallTask;
import ru.parus.callcenter.domain.TaskStatus;
import ru.parus.callcenter.domain.Priority;
import ru.parus.callcenter.repository.CallTaskRepository;
import ru.parus.infra.test.TestInfra;
import ru.parus.platform.testing.EventSchemas;

/** The queue over HTTP: order, pagination, overdue, completion with outcome, roles and optimistic locking. */
@QuarkusTest
class TaskQueueApiTest {
    static final String HEAD = TestInfra.token("head-1", "HEAD");
    static final String DIRECTOR = TestInfra.token("director-1", "DIRECTOR");

    @Inject
    CallTaskRepository tasks;
    @Inject
    Clock clock;

    static String manager() {
        return "manager-" + UUID.randomUUID().toString().substring(0, 8);
    }

    CallTask task(String assignee, Priority priority, Duration dueIn) {
        CallTask t = new CallTask();
        t.id = UUID.randomUUID();
        t.customerId = UUID.randomUUID();
        t.kind = "UNPAID_ORDER";
        t.cause = "order:" + UUID.randomUUID();
        t.assignee = assignee;
        t.status = TaskStatus.OPEN;
        t.priority = priority.rank();
        t.createdAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        t.dueAt = t.createdAt.plus(dueIn);
        QuarkusTransaction.requiringNew().run(() -> tasks.persist(t));
        return t;
    }

    @Test
    void myQueueIsOrderedByPriorityThenDueTimeAndPaginated() {
        String me = manager();
        CallTask normalSoon = task(me, Priority.NORMAL, Duration.ofMinutes(10));
        CallTask highLater = task(me, Priority.HIGH, Duration.ofHours(5));
        CallTask highSooner = task(me, Priority.HIGH, Duration.ofHours(1));
        task(manager(), Priority.HIGH, Duration.ofMinutes(1)); // someone else's
        String token = TestInfra.token(me, "MANAGER");
        given().auth().oauth2(token).get("/tasks?assignee=me&size=2").then().statusCode(200)
                .body("total", equalTo(3)).body("size", equalTo(2))
                .body("items.id", equalTo(List.of(highSooner.id.toString(), highLater.id.toString())));
        given().auth().oauth2(token).get("/tasks?assignee=me&size=2&page=1").then().statusCode(200)
                .body("total", equalTo(3)).body("items.id", equalTo(List.of(normalSoon.id.toString())));
    }

    @Test
    void overdueTasksAreVisibleToTheHeadAndDirectorAManagerSeesOnlyTheirOwn() {
        String mine = manager();
        String theirs = manager();
        CallTask myTask = task(mine, Priority.HIGH, Duration.ofHours(2));
        CallTask theirTask = task(theirs, Priority.HIGH, Duration.ofHours(2));
        given().auth().oauth2(HEAD).get("/tasks?overdue=true&size=100").then().statusCode(200)
                .body("items.id", not(hasItem(myTask.id.toString())));

        ((SettableClock) clock).advance(Duration.ofHours(3));

        given().auth().oauth2(HEAD).get("/tasks?overdue=true&size=100").then().statusCode(200)
                .body("items.id", hasItems(myTask.id.toString(), theirTask.id.toString()));
        given().auth().oauth2(DIRECTOR).get("/tasks?overdue=true&size=100").then().statusCode(200)
                .body("items.id", hasItems(myTask.id.toString(), theirTask.id.toString()));
        given().auth().oauth2(TestInfra.token(mine, "MANAGER")).get("/tasks?overdue=true&size=100").then()
                .statusCode(200).body("total", equalTo(1)).body("items.id", equalTo(List.of(myTask.id.toString())));
        given().auth().oauth2(TestInfra.token(mine, "MANAGER")).get("/tasks?assignee=" + theirs).then()
                .statusCode(403).contentType("application/problem+json").body("type", equalTo("urn:parus:problem:forbidden"));
    }

    @Test
    void badQueryParametersAnswerProblems() {
        for (String q : List.of("page=-1", "page=x", "size=0", "size=101", "overdue=maybe")) {
            given().auth().oauth2(HEAD).get("/tasks?" + q).then().statusCode(400)
                    .contentType("application/problem+json").body("type", equalTo("urn:parus:problem:validation"));
        }
        given().get("/tasks").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestInfra.token("wh-1", "WAREHOUSE")).get("/tasks").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void R6_completionRecordsOutcomeAndNoteAndPublishesCallTaskCompleted() throws Exception {
        String me = manager();
        CallTask t = task(me, Priority.HIGH, Duration.ofHours(2));
        String token = TestInfra.token(me, "MANAGER");
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"outcome\":\"REACHED_AGREED\",\"note\":\"Оплатит вечером\"}")
                .post("/tasks/{id}/complete", t.id).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("status", equalTo("DONE")).body("outcome", equalTo("REACHED_AGREED"))
                .body("note", equalTo("Оплатит вечером")).body("completedBy", equalTo(me));
        given().auth().oauth2(token).get("/tasks?assignee=me").then().body("total", equalTo(0));
        // completing twice
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"outcome\":\"NO_ANSWER\"}")
                .post("/tasks/{id}/complete", t.id).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:parus:problem:conflict"))
                .body("currentStatus", equalTo("DONE"));
        List<ConsumerRecord<String, String>> done = Events.published("CallTaskCompleted", t.id.toString(), 1,
                Duration.ofSeconds(10));
        assertEquals(1, done.size());
        String json = done.get(0).value();
        assertTrue(EventSchemas.violations("CallTaskCompleted.v1", json).isEmpty(),
                () -> EventSchemas.violations("CallTaskCompleted.v1", json).toString());
        assertTrue(json.contains("\"onTime\":true"), json);
    }

    @Test
    void onlyTheAssigneeOrTheHeadCompletesAndAStaleETagIsRefused() {
        String me = manager();
        CallTask t = task(me, Priority.NORMAL, Duration.ofDays(1));
        String body = "{\"outcome\":\"NO_ANSWER\"}";
        given().auth().oauth2(TestInfra.token(manager(), "MANAGER")).contentType(ContentType.JSON).body(body)
                .post("/tasks/{id}/complete", t.id).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:parus:problem:forbidden"));
        given().auth().oauth2(DIRECTOR).contentType(ContentType.JSON).body(body)
                .post("/tasks/{id}/complete", t.id).then().statusCode(403);
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).header("If-Match", "\"7\"").body(body)
                .post("/tasks/{id}/complete", t.id).then().statusCode(412)
                .contentType("application/problem+json").body("type", equalTo("urn:parus:problem:precondition-failed"))
                .body("currentVersion", equalTo(0));
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .post("/tasks/{id}/complete", t.id).then().statusCode(200).body("completedBy", equalTo("head-1"))
                .body("assignee", equalTo(me));
    }

    @Test
    void badCompletionsAnswerProblems() {
        String me = manager();
        CallTask t = task(me, Priority.NORMAL, Duration.ofDays(1));
        String token = TestInfra.token(me, "MANAGER");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"outcome\":\"GUESSED\"}")
                .post("/tasks/{id}/complete", t.id).then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:parus:problem:validation"))
                .body("allowedOutcomes", hasItem("REACHED_AGREED"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"note\":\"no outcome\"}")
                .post("/tasks/{id}/complete", t.id).then().statusCode(400).body("type", equalTo("urn:parus:problem:validation"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"outcome\":")
                .post("/tasks/{id}/complete", t.id).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .post("/tasks/{id}/complete", t.id).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "abc").body("{\"outcome\":\"NO_ANSWER\"}")
                .post("/tasks/{id}/complete", t.id).then().statusCode(400).body("type", equalTo("urn:parus:problem:validation"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"outcome\":\"NO_ANSWER\"}")
                .post("/tasks/{id}/complete", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"outcome\":\"NO_ANSWER\"}")
                .post("/tasks/not-a-uuid/complete").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token).get("/tasks/{id}", t.id).then().statusCode(200).body("status", equalTo("OPEN"));
        given().auth().oauth2(TestInfra.token(manager(), "MANAGER")).get("/tasks/{id}", t.id).then().statusCode(403);
    }
}
