package ru.parus.callcenter;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import ru.parus.callcenter.domain.CallTask;
import ru.parus.callcenter.domain.TaskStatus;
import ru.parus.callcenter.domain.Priority;
import ru.parus.callcenter.repository.CallTaskRepository;
import ru.parus.infra.test.TestInfra;
import ru.parus.infra.test.TestKafka;
import ru.parus.platform.testing.EventSchemas;
import ru.parus.platform.testing.SettableClock;

/** R22: staff, absences and the deputy taking over a manager's tasks for the period. */
@QuarkusTest
class AbsencesTest {
    static final String HEAD = TestInfra.token("head-1", "HEAD");

    @Inject
    CallTaskRepository tasks;
    @Inject
    Clock clock;
    @Inject
    ru.parus.callcenter.service.Deputies deputies;

    OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    CallTask task(String assignee) {
        CallTask t = new CallTask();
        t.id = UUID.randomUUID();
        t.customerId = UUID.randomUUID();
        t.kind = "UNPAID_ORDER";
        t.cause = "order:" + UUID.randomUUID();
        t.assignee = assignee;
        t.status = TaskStatus.OPEN;
        t.priority = Priority.HIGH.rank();
        t.createdAt = now();
        t.dueAt = t.createdAt.plus(Duration.ofDays(30));
        QuarkusTransaction.requiringNew().run(() -> tasks.persist(t));
        return t;
    }

    static JsonPath queue(String who) {
        return given().auth().oauth2(TestInfra.token(who, "MANAGER")).get("/tasks?assignee=me&size=100")
                .then().statusCode(200).extract().jsonPath();
    }

    String absence(String manager, String deputy, OffsetDateTime from, OffsetDateTime to) {
        return given().auth().oauth2(HEAD).contentType(ContentType.JSON)
                .body("{\"reason\":\"LEAVE\",\"startsAt\":\"" + from + "\",\"endsAt\":\"" + to + "\",\"deputyId\":\"" + deputy + "\"}")
                .post("/staff/{id}/absences", manager).then().statusCode(201)
                .body("status", equalTo("PLANNED")).extract().path("id");
    }

    @Test
    void R22_deputyTakesOpenAndNewTasksForThePeriodAndReturnsTheUndoneOnes() throws Exception {
        String manager = People.manager(null);
        String deputy = People.manager(null);
        CallTask open1 = task(manager);
        CallTask open2 = task(manager);
        String absenceId = absence(manager, deputy, now().plusHours(1), now().plusDays(3));
        assertEquals(2, queue(manager).getInt("total"), "nothing moves before the period starts");

        ((SettableClock) clock).advance(Duration.ofHours(2));
        await().atMost(Duration.ofSeconds(15)).until(() -> queue(deputy).getInt("total") == 2);
        JsonPath d = queue(deputy);
        assertEquals(Set.of(open1.id.toString(), open2.id.toString()), Set.copyOf(d.getList("items.id")));
        assertEquals(List.of(manager, manager), d.getList("items.originalAssignee"));
        assertEquals(0, queue(manager).getInt("total"));
        given().auth().oauth2(HEAD).get("/staff/{id}/absences", manager).then().statusCode(200)
                .body("[0].id", equalTo(absenceId)).body("[0].status", equalTo("ACTIVE"));

        // a new task for the absent manager goes to the deputy (from the real broker)
        String customer = Events.registerCustomer(Events.id(), manager);
        ObjectNode dormant = Events.example("CustomerDormant");
        dormant.put("customerId", customer);
        dormant.put("episode", 1);
        dormant.put("ownerManagerId", manager);
        Events.awaitRow(EntityManagers.em(), "customer_projection", "customer_id", customer);
        Events.send("customer-events", customer, "customer", "CustomerDormant", Events.id(), dormant);
        await().atMost(Duration.ofSeconds(15)).until(() -> queue(deputy).getInt("total") == 3);
        assertEquals(0, queue(manager).getInt("total"));

        // the deputy does one of the moved tasks
        given().auth().oauth2(TestInfra.token(deputy, "MANAGER")).contentType(ContentType.JSON)
                .body("{\"outcome\":\"REACHED_AGREED\"}").post("/tasks/{id}/complete", open1.id).then().statusCode(200)
                .body("completedBy", equalTo(deputy));

        ((SettableClock) clock).advance(Duration.ofDays(3));
        await().atMost(Duration.ofSeconds(15)).until(() -> queue(manager).getInt("total") == 2);
        JsonPath m = queue(manager);
        assertTrue(m.getList("items.id").contains(open2.id.toString()));
        assertEquals(List.of("REACTIVATION", "UNPAID_ORDER"), m.getList("items.kind").stream().sorted().toList());
        assertEquals(0, queue(deputy).getInt("total"));
        given().auth().oauth2(HEAD).get("/tasks/{id}", open1.id).then().body("status", equalTo("DONE"))
                .body("assignee", equalTo(deputy));

        List<ConsumerRecord<String, String>> started = TestKafka.awaitRecords("callcenter-events",
                r -> "ru.parus.callcenter.ManagerAbsenceStarted.v1".equals(TestKafka.header(r, "ce_type"))
                        && r.value().contains(absenceId), 2, Duration.ofSeconds(3));
        assertEquals(1, started.size(), "started once");
        assertEquals(manager, started.get(0).key());
        assertEquals(Set.of(), EventSchemas.violations("ManagerAbsenceStarted.v1", started.get(0).value()));
        List<ConsumerRecord<String, String>> ended = TestKafka.awaitRecords("callcenter-events",
                r -> "ru.parus.callcenter.ManagerAbsenceEnded.v1".equals(TestKafka.header(r, "ce_type"))
                        && r.value().contains(absenceId), 2, Duration.ofSeconds(3));
        assertEquals(1, ended.size(), "ended once");
        assertEquals(Set.of(), EventSchemas.violations("ManagerAbsenceEnded.v1", ended.get(0).value()));
        assertTrue(ended.get(0).value().contains("\"deputyId\":\"" + deputy + "\""), ended.get(0).value());
    }

    @Test
    void R22_anAbsenceStartedInThePastBeginsAtOnceAndEndingItEarlyReturnsTheTasks() {
        String manager = People.manager(null);
        String deputy = People.manager(null);
        CallTask open = task(manager);
        String absenceId = given().auth().oauth2(HEAD).contentType(ContentType.JSON)
                .body("{\"reason\":\"SICKNESS\",\"startsAt\":\"" + now().minusHours(1) + "\",\"endsAt\":\""
                        + now().plusDays(5) + "\",\"deputyId\":\"" + deputy + "\"}")
                .post("/staff/{id}/absences", manager).then().statusCode(201).body("status", equalTo("ACTIVE"))
                .extract().path("id");
        assertEquals(List.of(open.id.toString()), queue(deputy).getList("items.id"));
        given().auth().oauth2(HEAD).delete("/staff/{id}/absences/{a}", manager, absenceId).then().statusCode(200)
                .body("status", equalTo("ENDED")).body("endedBy", equalTo("head-1"));
        assertEquals(List.of(open.id.toString()), queue(manager).getList("items.id"));
        assertEquals(0, queue(deputy).getInt("total"));
        given().auth().oauth2(HEAD).delete("/staff/{id}/absences/{a}", manager, absenceId).then().statusCode(409)
                .contentType("application/problem+json").body("currentStatus", equalTo("ENDED"));
    }

    @Test
    void R22_badAbsencesAnswerProblems() {
        String manager = People.manager(null);
        String deputy = People.manager(null);
        String from = now().plusDays(10).toString();
        String to = now().plusDays(12).toString();
        record Case(String body, String field) {
        }
        for (Case c : List.of(
                new Case("{\"reason\":\"HOLIDAY\",\"startsAt\":\"" + from + "\",\"endsAt\":\"" + to + "\",\"deputyId\":\"" + deputy + "\"}", "reason"),
                new Case("{\"reason\":\"LEAVE\",\"endsAt\":\"" + to + "\",\"deputyId\":\"" + deputy + "\"}", "startsAt"),
                new Case("{\"reason\":\"LEAVE\",\"startsAt\":\"" + to + "\",\"endsAt\":\"" + from + "\",\"deputyId\":\"" + deputy + "\"}", "endsAt"),
                new Case("{\"reason\":\"LEAVE\",\"startsAt\":\"" + from + "\",\"endsAt\":\"" + to + "\",\"deputyId\":\"" + manager + "\"}", "deputyId"),
                new Case("{\"reason\":\"LEAVE\",\"startsAt\":\"" + from + "\",\"endsAt\":\"" + to + "\",\"deputyId\":\"nobody-x\"}", "deputyId"),
                new Case("{\"reason\":\"LEAVE\",\"startsAt\":\"" + from + "\",\"endsAt\":\"" + to + "\"}", "deputyId"))) {
            given().auth().oauth2(HEAD).contentType(ContentType.JSON).body(c.body()).post("/staff/{id}/absences", manager)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:parus:problem:validation")).body("errors.field", hasItem(c.field()));
        }
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body("{\"reason\":\"LEAVE\",\"startsAt\":\"yesterday\"}")
                .post("/staff/{id}/absences", manager).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:malformed-request"));
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body("{\"reason\":")
                .post("/staff/{id}/absences", manager).then().statusCode(400).contentType("application/problem+json");
        String ok = "{\"reason\":\"TRIP\",\"startsAt\":\"" + from + "\",\"endsAt\":\"" + to + "\",\"deputyId\":\"" + deputy + "\"}";
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body(ok).post("/staff/{id}/absences", "nobody-y")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestInfra.token(manager, "MANAGER")).contentType(ContentType.JSON).body(ok)
                .post("/staff/{id}/absences", manager).then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(ok).post("/staff/{id}/absences", manager).then().statusCode(401)
                .contentType("application/problem+json");
        String planned = given().auth().oauth2(HEAD).contentType(ContentType.JSON).body(ok)
                .post("/staff/{id}/absences", manager).then().statusCode(201).extract().path("id");
        String overlapping = "{\"reason\":\"LEAVE\",\"startsAt\":\"" + now().plusDays(11) + "\",\"endsAt\":\""
                + now().plusDays(20) + "\",\"deputyId\":\"" + deputy + "\"}";
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body(overlapping).post("/staff/{id}/absences", manager)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:conflict")).body("overlappingAbsenceId", equalTo(planned));
        given().auth().oauth2(HEAD).delete("/staff/{id}/absences/{a}", manager, planned).then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        // cancelled: the period is free again
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body(overlapping).post("/staff/{id}/absences", manager)
                .then().statusCode(201);
        given().auth().oauth2(HEAD).delete("/staff/{id}/absences/{a}", manager, UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void staffIsWrittenByHeadDirectorAdminAndReadByEveryone() {
        String head = People.head();
        String id = People.id("manager");
        given().auth().oauth2(TestInfra.token("director-1", "DIRECTOR")).contentType(ContentType.JSON)
                .body("{\"name\":\"Анна\",\"role\":\"MANAGER\",\"headId\":\"" + head + "\",\"extension\":\"" + id.substring(8) + "\"}")
                .put("/staff/{id}", id).then().statusCode(200).body("headId", equalTo(head)).body("active", equalTo(true));
        given().auth().oauth2(TestInfra.token(id, "MANAGER")).get("/staff/{id}", id).then().statusCode(200)
                .header("ETag", equalTo("\"0\"")).body("name", equalTo("Анна")).body("role", equalTo("MANAGER"));
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"name\":\"Анна Петрова\",\"role\":\"MANAGER\",\"headId\":\"" + head + "\",\"active\":false}")
                .put("/staff/{id}", id).then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("active", equalTo(false)).body("extension", nullValue());
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"name\":\"Анна\",\"role\":\"MANAGER\"}").put("/staff/{id}", id).then().statusCode(412)
                .contentType("application/problem+json").body("currentVersion", equalTo(1));
        // an inactive staff member is no deputy
        given().auth().oauth2(HEAD).contentType(ContentType.JSON)
                .body("{\"reason\":\"LEAVE\",\"startsAt\":\"" + now().plusDays(30) + "\",\"endsAt\":\"" + now().plusDays(31)
                        + "\",\"deputyId\":\"" + id + "\"}")
                .post("/staff/{sid}/absences", People.manager(null)).then().statusCode(400)
                .body("errors.field", hasItem("deputyId"));
        given().auth().oauth2(TestInfra.token(id, "MANAGER")).get("/staff?role=HEAD&size=100").then().statusCode(200)
                .body("items.id", hasItem(head));
        given().auth().oauth2(TestInfra.token(id, "MANAGER")).contentType(ContentType.JSON)
                .body("{\"name\":\"Анна\",\"role\":\"HEAD\"}").put("/staff/{id}", id).then().statusCode(403)
                .contentType("application/problem+json");
        for (String bad : List.of("{\"role\":\"MANAGER\"}", "{\"name\":\"A\",\"role\":\"CEO\"}",
                "{\"name\":\"A\",\"role\":\"MANAGER\",\"headId\":\"" + id + "\"}",
                "{\"name\":\"A\",\"role\":\"MANAGER\",\"headId\":\"nobody-z\"}")) {
            given().auth().oauth2(HEAD).contentType(ContentType.JSON).body(bad).put("/staff/{id}", People.id("m"))
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:parus:problem:validation"));
        }
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body("{\"name\":").put("/staff/{id}", id)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(HEAD).get("/staff?role=CEO").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(HEAD).get("/staff/{id}", "nobody-q").then().statusCode(404).contentType("application/problem+json");
        given().get("/staff").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void R22_R18_aMissedCallOfAnAbsentOwnersCustomerIsCalledBackByTheDeputy() throws Exception {
        String owner = People.manager(null);
        String deputy = People.manager(null);
        String number = CallsTest.phone();
        String customer = CallsTest.customerWithPhones(owner, number);
        given().auth().oauth2(HEAD).contentType(ContentType.JSON)
                .body("{\"reason\":\"TRIP\",\"startsAt\":\"" + now().minusMinutes(5) + "\",\"endsAt\":\""
                        + now().plusDays(2) + "\",\"deputyId\":\"" + deputy + "\"}")
                .post("/staff/{id}/absences", owner).then().statusCode(201).body("status", equalTo("ACTIVE"));
        String pbxId = "pbx-" + UUID.randomUUID();
        CallsTest.telephony(CallsTest.pbx(pbxId, "INBOUND", number, "+74951234567", "MISSED", now().toString(), ""));
        CallsTest.telephony(CallsTest.pbx(pbxId, "INBOUND", number, "+74951234567", "MISSED", now().toString(), ""));
        JsonPath d = queue(deputy);
        assertEquals(1, d.getInt("total"));
        assertEquals("CALLBACK", d.getString("items[0].kind"));
        assertEquals(customer, d.getString("items[0].customerId"));
        assertEquals(owner, d.getString("items[0].originalAssignee"));
        assertEquals(0, queue(owner).getInt("total"));
    }

    @Test
    void anExtensionBelongsToOnePerson() {
        String ext = String.valueOf(900000 + (int) (Math.random() * 99999));
        String first = People.id("manager");
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body("{\"name\":\"A\",\"role\":\"MANAGER\",\"extension\":\"" + ext + "\"}")
                .put("/staff/{id}", first).then().statusCode(200).body("extension", equalTo(ext));
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body("{\"name\":\"B\",\"role\":\"MANAGER\",\"extension\":\"" + ext + "\"}")
                .put("/staff/{id}", People.id("manager")).then().statusCode(409).contentType("application/problem+json")
                .body("holder", equalTo(first));
    }

    @Test
    void R22_replicasRunningTheStepTogetherStartAnAbsenceOnce() throws Exception {
        String manager = People.manager(null);
        String deputy = People.manager(null);
        CallTask open = task(manager);
        String absenceId = absence(manager, deputy, now().plusMinutes(30), now().plusDays(1));
        ((SettableClock) clock).advance(Duration.ofHours(1));
        // four "replicas" at once, besides the application's own scheduler
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return deputies.startDue();
                }));
            }
            start.countDown();
            for (var r : runs) {
                r.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> queue(deputy).getInt("total") == 1);
        assertEquals(List.of(open.id.toString()), queue(deputy).getList("items.id"));
        List<ConsumerRecord<String, String>> started = TestKafka.awaitRecords("callcenter-events",
                r -> "ru.parus.callcenter.ManagerAbsenceStarted.v1".equals(TestKafka.header(r, "ce_type"))
                        && r.value().contains(absenceId), 2, Duration.ofSeconds(3));
        assertEquals(1, started.size(), "one replica started it");
    }
}
