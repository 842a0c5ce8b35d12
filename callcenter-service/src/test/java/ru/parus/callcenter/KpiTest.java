package ru.parus.callcenter;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.parus.callcenter.Events.example;
import static ru.parus.callcenter.Events.id;
import static ru.parus.callcenter.Events.send;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import ru.parus.callcenter.domain.CallTask;
import ru.parus.callcenter.domain.TaskStatus;
import ru.parus.callcenter.domain.CustomerProjection;
import ru.parus.callcenter.repository.CallTaskRepository;
import ru.parus.callcenter.repository.CustomerProjectionRepository;
import ru.parus.callcenter.service.Kpis;
import ru.parus.infra.test.TestInfra;

/** R23: managers' KPIs computed from what was registered, with exact figures, over the real broker and database. */
@QuarkusTest
class KpiTest {
    static final String HEAD = TestInfra.token("head-1", "HEAD");
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Inject
    CallTaskRepository tasks;
    @Inject
    CustomerProjectionRepository customers;
    @Inject
    Clock clock;

    static String manager() {
        return "manager-" + id().substring(0, 8);
    }

    static void orderPlaced(String orderId, String manager, long total, String placedAt, String eventId) throws Exception {
        ObjectNode e = example("OrderPlaced");
        e.put("orderId", orderId);
        e.put("customerId", id());
        e.put("managerId", manager);
        e.put("channel", "PHONE");
        e.put("totalKopecks", total);
        e.put("placedAt", placedAt);
        send("order-events", orderId, "order", "OrderPlaced", eventId, e);
    }

    static void cancelled(String orderId, String manager, boolean managerError, String at) throws Exception {
        ObjectNode e = example("OrderCancelled");
        e.put("orderId", orderId);
        e.put("managerId", manager);
        e.put("managerError", managerError);
        e.put("cancelledAt", at);
        send("order-events", orderId, "order", "OrderCancelled", id(), e);
    }

    static void upsell(String offerId, String orderId, String manager, boolean accepted, String eventId) throws Exception {
        ObjectNode e = example("UpsellOfferRecorded");
        e.put("offerId", offerId);
        e.put("orderId", orderId);
        e.put("recordedBy", manager);
        e.put("answer", accepted ? "ACCEPTED" : "DECLINED");
        e.put("lineAdded", accepted);
        e.put("recordedAt", "2031-03-10T10:05:00Z");
        send("order-events", orderId, "order", "UpsellOfferRecorded", eventId, e);
    }

    static JsonPath kpi(String token, String query) {
        return given().auth().oauth2(token).get("/kpi?" + query).then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
    }

    @Test
    void R23_ordersErrorsAndUpsellOffersPerManagerAndTheDepartmentAgainstItsTargets() throws Exception {
        // March 2031 holds only this test's orders, so the department's figures are exact too
        String a = manager();
        String b = manager();
        String o1 = id(), o2 = id(), o3 = id(), o4 = id();
        String o1Event = id();
        orderPlaced(o1, a, 500_000, "2031-03-10T10:00:00Z", o1Event);
        orderPlaced(o1, a, 500_000, "2031-03-10T10:00:00Z", o1Event); // redelivered
        orderPlaced(o1, a, 500_000, "2031-03-10T10:00:00Z", id()); // the same order under a new event id
        orderPlaced(o2, a, 300_000, "2031-03-11T10:00:00Z", id());
        orderPlaced(o3, b, 100_000, "2031-03-11T12:00:00Z", id());
        // 00:30 on 1 April in Moscow is still 31 March in UTC: it belongs to April
        orderPlaced(o4, a, 999_000, "2031-03-31T21:30:00Z", id());
        cancelled(o2, a, true, "2031-03-12T09:00:00Z");
        cancelled(o3, b, false, "2031-03-12T09:00:00Z");
        String offer = id();
        String offerEvent = id();
        upsell(offer, o1, a, true, offerEvent);
        upsell(offer, o1, a, true, offerEvent); // redelivered
        upsell(id(), o1, a, true, id());
        upsell(id(), o2, a, false, id());
        upsell(id(), o3, b, false, id());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonPath r = kpi(HEAD, "month=2031-03");
            assertEquals(4, r.getInt("department.upsellOffers"));
            assertEquals(3, r.getInt("department.ordersTaken"));
            assertEquals(1, r.getInt("department.orderErrors"));
        });
        JsonPath march = kpi(HEAD, "month=2031-03");
        assertEquals("2031-03-01", march.getString("from"));
        assertEquals("2031-03-31", march.getString("to"));
        assertEquals(List.of(a, b).stream().sorted().toList(), march.getList("managers.managerId"));
        String rowA = "managers.find { it.managerId == '" + a + "' }.";
        String rowB = "managers.find { it.managerId == '" + b + "' }.";
        assertEquals(2, march.getInt(rowA + "ordersTaken"));
        assertEquals(800_000, march.getLong(rowA + "revenueKopecks"));
        assertEquals(400_000, march.getLong(rowA + "averageOrderKopecks"));
        assertEquals(1, march.getInt(rowA + "orderErrors"));
        assertEquals(3, march.getInt(rowA + "upsellOffers"));
        assertEquals(2, march.getInt(rowA + "upsellAccepted"));
        assertEquals(0.6667f, march.getFloat(rowA + "upsellAcceptanceRate"));
        assertEquals(1, march.getInt(rowB + "ordersTaken"));
        assertEquals(0, march.getInt(rowB + "orderErrors"), "a customer's cancellation is not the manager's error");
        assertEquals(0f, march.getFloat(rowB + "upsellAcceptanceRate"));
        assertEquals(900_000, march.getLong("department.revenueKopecks"));
        assertEquals(300_000, march.getLong("department.averageOrderKopecks"));
        assertEquals(0.5f, march.getFloat("department.upsellAcceptanceRate"));
        assertEquals(0, march.getList("targets").size(), "no targets set yet");

        JsonPath april = kpi(HEAD, "from=2031-04-01&to=2031-04-01");
        assertEquals(1, april.getInt(rowA + "ordersTaken"));
        assertEquals(999_000, april.getLong(rowA + "revenueKopecks"));

        // a manager sees their own row and the department's
        JsonPath own = kpi(TestInfra.token(b, "MANAGER"), "month=2031-03");
        assertEquals(List.of(b), own.getList("managers.managerId"));
        assertEquals(3, own.getInt("department.ordersTaken"));

        // the head's targets against the department's actuals
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body("{\"ordersTaken\":4,\"upsellAcceptanceRate\":0.5}")
                .put("/kpi/targets/2031-03").then().statusCode(200).body("ordersTaken", equalTo(4));
        JsonPath withTargets = kpi(HEAD, "month=2031-03");
        String orders = "targets.find { it.metric == 'ordersTaken' }.";
        assertEquals(4, withTargets.getInt(orders + "target"));
        assertEquals(3, withTargets.getInt(orders + "actual"));
        assertEquals(75.0f, withTargets.getFloat(orders + "achievedPercent"));
        assertEquals(100.0f, withTargets.getFloat("targets.find { it.metric == 'upsellAcceptanceRate' }.achievedPercent"));
        assertEquals(0, kpi(HEAD, "from=2031-03-01&to=2031-03-30").getList("targets").size(),
                "targets are compared over their whole month only");

        // the same report as CSV for a spreadsheet
        String csv = given().auth().oauth2(HEAD).accept("text/csv").get("/kpi?month=2031-03").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        List<String> header = Arrays.asList(lines.get(0).split(","));
        assertEquals("managerId", header.get(0));
        assertTrue(header.contains("upsellAcceptanceRate"));
        List<String> csvA = lines.stream().filter(l -> l.startsWith(a + ",")).map(l -> Arrays.asList(l.split(","))).findFirst().orElseThrow();
        assertEquals("2", csvA.get(header.indexOf("ordersTaken")));
        assertEquals("800000", csvA.get(header.indexOf("revenueKopecks")));
        assertEquals("0.6667", csvA.get(header.indexOf("upsellAcceptanceRate")));
        assertTrue(lines.get(lines.size() - 1).startsWith("DEPARTMENT,"), csv);
        assertEquals(csv, given().auth().oauth2(HEAD).get("/kpi?month=2031-03&format=csv").then().statusCode(200)
                .extract().asString());
    }

    CallTask openTask(String assignee, String kind, Duration dueIn) {
        CallTask t = new CallTask();
        t.id = UUID.randomUUID();
        t.customerId = UUID.randomUUID();
        t.kind = kind;
        t.cause = "kpi-test:" + t.id;
        t.assignee = assignee;
        t.status = TaskStatus.OPEN;
        t.priority = 2;
        t.createdAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        t.dueAt = t.createdAt.plus(dueIn);
        QuarkusTransaction.requiringNew().run(() -> tasks.persist(t));
        return t;
    }

    @Test
    void R23_proactiveCallsTheirOutcomesAndTasksDoneOnTimeFromCompletedTasks() {
        String m = manager();
        String token = TestInfra.token(m, "MANAGER");
        String[][] done = { { "REACTIVATION", "REACHED_AGREED", "PT2H" }, { "UNPAID_ORDER", "NO_ANSWER", "-PT1H" },
                { "ORDER_READY", "REACHED_DECLINED", "PT1H" } };
        for (String[] d : done) {
            CallTask t = openTask(m, d[0], Duration.parse(d[2]));
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"outcome\":\"" + d[1] + "\"}")
                    .post("/tasks/{id}/complete", t.id).then().statusCode(200);
        }
        openTask(m, "REACTIVATION", Duration.ofHours(1)); // still open: not counted
        String today = LocalDate.now(clock.withZone(MOSCOW)).toString();
        JsonPath r = kpi(HEAD, "from=" + today + "&to=" + today);
        String row = "managers.find { it.managerId == '" + m + "' }.";
        assertEquals(3, r.getInt(row + "proactiveCalls"));
        assertEquals(2, r.getInt(row + "proactiveReached"));
        assertEquals(1, r.getInt(row + "proactiveAgreed"));
        assertEquals(3, r.getInt(row + "tasksDone"));
        assertEquals(2, r.getInt(row + "tasksDoneOnTime"), "the unpaid-order call was done after its due time");
        assertEquals(0.6667f, r.getFloat(row + "tasksOnTimeRate"));
    }

    String registerCall(String token, String direction, OffsetDateTime start, int seconds) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"direction\":\"" + direction + "\",\"phone\":\"+7912" + (1000000 + (int) (Math.random() * 8999999))
                        + "\",\"startedAt\":\"" + start + "\",\"endedAt\":\"" + start.plusSeconds(seconds)
                        + "\",\"purpose\":\"ORDER\",\"outcome\":\"REACHED_AGREED\"}")
                .post("/calls").then().statusCode(201).extract().path("id");
    }

    @Test
    void R23_callsScriptQualityAndJustifiedComplaintsPerManager() {
        String m = manager();
        String token = TestInfra.token(m, "MANAGER");
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String inbound = registerCall(token, "INBOUND", now.minusMinutes(30), 30);
        registerCall(token, "OUTBOUND", now.minusMinutes(20), 60);
        registerCall(token, "OUTBOUND", now.minusMinutes(10), 120);
        // R17: three runs of one script with quality 0.6667, 1 and 1, one offer made
        String code = Scripts.approved(Scripts.BRANCHING);
        for (String answers : List.of("[{\"stepId\":\"a\",\"answer\":\"да\"},{\"stepId\":\"c\",\"answer\":\"Всё хорошо\"}]",
                "[{\"stepId\":\"a\",\"answer\":\"да\"},{\"stepId\":\"b\",\"answer\":\"принято\"},"
                        + "{\"stepId\":\"c\",\"answer\":\"Да\"},{\"stepId\":\"d\"}]",
                "[{\"stepId\":\"a\",\"answer\":\"нет\"}]")) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(ScriptRunApiTest.run(code, answers))
                    .post("/script-runs").then().statusCode(201);
        }
        // R20: a complaint raised in the manager's call and found justified counts; one found unjustified does not
        CustomerProjection c = new CustomerProjection();
        c.customerId = UUID.randomUUID();
        c.updatedAt = now;
        QuarkusTransaction.requiringNew().run(() -> customers.persist(c));
        for (boolean justified : List.of(true, false)) {
            String feedback = given().auth().oauth2(HEAD).contentType(ContentType.JSON)
                    .body("{\"customerId\":\"" + c.customerId + "\",\"kind\":\"COMPLAINT\",\"category\":\"service\","
                            + "\"text\":\"Менеджер был груб\",\"callId\":\"" + inbound + "\"}")
                    .post("/feedback").then().statusCode(201).extract().path("id");
            given().auth().oauth2(HEAD).contentType(ContentType.JSON)
                    .body("{\"answer\":\"Разобрались\",\"justified\":" + justified + "}")
                    .post("/feedback/{id}/answer", feedback).then().statusCode(200);
        }
        String today = LocalDate.now(clock.withZone(MOSCOW)).toString();
        JsonPath r = kpi(HEAD, "from=" + today + "&to=" + today);
        String row = "managers.find { it.managerId == '" + m + "' }.";
        assertEquals(1, r.getInt(row + "inboundCalls"));
        assertEquals(2, r.getInt(row + "outboundCalls"));
        assertEquals(210, r.getInt(row + "talkSeconds"));
        assertEquals(3, r.getInt(row + "scriptRuns"));
        assertEquals(0.8889f, r.getFloat(row + "scriptQuality"));
        assertEquals(1, r.getInt(row + "scriptOffers"));
        assertEquals(1, r.getInt(row + "justifiedComplaints"));
    }

    @Test
    void R23_badPeriodsTargetsAndRolesAnswerProblems() {
        for (String query : List.of("month=2026-13", "from=2026-11-01", "from=2026-11-05&to=2026-11-01",
                "from=2020-01-01&to=2026-11-01", "month=2026-11&from=2026-11-01", "from=yesterday&to=2026-11-01",
                "month=2026-11&format=xml")) {
            given().auth().oauth2(HEAD).get("/kpi?" + query).then().statusCode(400)
                    .contentType("application/problem+json").body("type", equalTo("urn:parus:problem:validation"));
        }
        given().get("/kpi").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestInfra.token(manager(), "MANAGER")).contentType(ContentType.JSON)
                .body("{\"ordersTaken\":10}").put("/kpi/targets/2031-05").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body("{\"callsMade\":10}")
                .put("/kpi/targets/2031-05").then().statusCode(400).contentType("application/problem+json")
                .body("metrics", hasItem("ordersTaken"));
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body("{\"ordersTaken\":-1}")
                .put("/kpi/targets/2031-05").then().statusCode(400);
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body("{}")
                .put("/kpi/targets/2031-05").then().statusCode(400);
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body("{\"ordersTaken\":")
                .put("/kpi/targets/2031-05").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body("{\"ordersTaken\":10}")
                .put("/kpi/targets/May").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(HEAD).get("/kpi/targets/2031-05").then().statusCode(200).body("size()", equalTo(0));
    }

    /**
     * Issue 14: the OpenAPI schema of GET /kpi names exactly the metrics the JSON carries (it is written by hand beside
     * KpiMetric), and a generated client, which asks for every documented media type with JSON first, reads JSON.
     */
    @Test
    void R23_theDocumentedReportNamesEveryMetricAndAClientAskingForJsonOrCsvGetsJson() {
        JsonPath document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .jsonPath();
        Set<String> metrics = new HashSet<>(Kpis.metricNames());
        assertEquals(metrics, document.getMap("components.schemas.KpiFigures.properties").keySet());
        Set<String> row = new HashSet<>(metrics);
        row.add("managerId");
        assertEquals(row, document.getMap("components.schemas.KpiManagerFigures.properties").keySet());
        assertEquals(List.of("application/json", "text/csv"),
                List.copyOf(document.getMap("paths.'/kpi'.get.responses.'200'.content").keySet()));

        JsonPath report = given().auth().oauth2(HEAD).accept("application/json, text/csv, application/problem+json")
                .get("/kpi?month=2031-04").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/json")).extract().jsonPath();
        assertEquals("2031-04-01", report.getString("from"));
        assertEquals(metrics, report.getMap("department").keySet());
    }
}
