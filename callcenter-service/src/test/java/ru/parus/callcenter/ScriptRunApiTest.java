package ru.parus.callcenter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ru.parus.callcenter.service.ScriptRunService;
import ru.parus.callcenter.service.ScriptRunService.QualitySummary;
import ru.parus.infra.test.TestInfra;

/** R17: calls that follow a script: the version, the path, the answers, checked; the quality score (R23 input). */
@QuarkusTest
class ScriptRunApiTest {
    static final String HEAD = Scripts.HEAD;

    @Inject
    ScriptRunService runs;
    @Inject
    Clock clock;
    @Inject
    ru.parus.callcenter.repository.CallTaskRepository tasks;

    static String manager() {
        return "manager-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String run(String code, String answers) {
        return "{\"scriptCode\":\"" + code + "\",\"customerId\":\"" + UUID.randomUUID() + "\",\"callId\":\""
                + UUID.randomUUID() + "\",\"answers\":" + answers + "}";
    }

    @Test
    void R17_aRunRecordsTheApprovedVersionThePathWithSkippedStepsAndItsQuality() {
        String code = Scripts.approved(Scripts.BRANCHING);
        String me = manager();
        String token = TestInfra.token(me, "MANAGER");
        OffsetDateTime from = OffsetDateTime.now(clock).minusMinutes(1);
        // b (mandatory, the offer) skipped: on the path a, b, c three mandatory steps, two covered
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(run(code, "[{\"stepId\":\"a\",\"answer\":\"да\"},{\"stepId\":\"c\",\"answer\":\"Всё хорошо\"}]"))
                .post("/script-runs").then().statusCode(201)
                .body("scriptCode", equalTo(code)).body("scriptVersion", equalTo(1)).body("managerId", equalTo(me))
                .body("path", equalTo(List.of("a", "b", "c"))).body("answers.stepId", equalTo(List.of("a", "c")))
                .body("mandatoryOnPath", equalTo(3)).body("mandatoryCovered", equalTo(2))
                .body("offersMade", equalTo(0)).body("quality", equalTo(0.6667f));
        // the whole script, with the offer
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(run(code, "[{\"stepId\":\"a\",\"answer\":\"да\"},{\"stepId\":\"b\",\"answer\":\"принято\"},"
                        + "{\"stepId\":\"c\",\"answer\":\"Да\"},{\"stepId\":\"d\"}]"))
                .post("/script-runs").then().statusCode(201)
                .body("path", equalTo(List.of("a", "b", "c", "d"))).body("mandatoryOnPath", equalTo(3))
                .body("mandatoryCovered", equalTo(3)).body("offersMade", equalTo(1)).body("quality", equalTo(1.0f));
        // the customer could not talk: one mandatory step on the path, covered
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(run(code, "[{\"stepId\":\"a\",\"answer\":\"нет\"}]"))
                .post("/script-runs").then().statusCode(201)
                .body("path", equalTo(List.of("a"))).body("quality", equalTo(1.0f));

        OffsetDateTime to = OffsetDateTime.now(clock).plusMinutes(1);
        QualitySummary q = runs.averageQuality(me, from, to);
        assertEquals(3, q.runs());
        assertEquals(new BigDecimal("0.8889"), q.averageQuality()); // (0.6667 + 1 + 1) / 3
        assertEquals(1, q.offersMade());
        assertEquals(7, q.mandatoryOnPath());
        assertEquals(6, q.mandatoryCovered());
        assertEquals(0, runs.averageQuality(me, to, to.plusDays(1)).runs());

        given().auth().oauth2(HEAD).queryParam("managerId", me).queryParam("from", from.toString())
                .queryParam("to", to.toString()).get("/script-runs").then().statusCode(200)
                .body("total", equalTo(3)).body("items.managerId", equalTo(List.of(me, me, me)));
        given().auth().oauth2(HEAD).queryParam("managerId", me).queryParam("from", to.toString())
                .get("/script-runs").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void R17_anAnswerNotAllowedOrAStepNotReachableIsRefused() {
        String code = Scripts.approved(Scripts.BRANCHING);
        String token = TestInfra.token(manager(), "MANAGER");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(run(code, "[{\"stepId\":\"a\",\"answer\":\"может быть\"}]")).post("/script-runs").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:validation")).body("step", equalTo("a"))
                .body("errors[0].field", equalTo("answers[0].answer")).body("allowedAnswers", equalTo(List.of("да", "нет")));
        // "нет" ends the script: nothing is reachable after it
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(run(code, "[{\"stepId\":\"a\",\"answer\":\"нет\"},{\"stepId\":\"b\",\"answer\":\"принято\"}]"))
                .post("/script-runs").then().statusCode(400).body("step", equalTo("b"))
                .body("errors[0].field", equalTo("answers[1].stepId"));
        // back to a from c: no way
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(run(code, "[{\"stepId\":\"c\",\"answer\":\"x\"},{\"stepId\":\"a\",\"answer\":\"да\"}]"))
                .post("/script-runs").then().statusCode(400).body("step", equalTo("a"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(run(code, "[{\"stepId\":\"zz\",\"answer\":\"x\"}]")).post("/script-runs").then()
                .statusCode(400).body("errors[0].field", equalTo("answers[0].stepId"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(run(code, "[{\"stepId\":\"a\",\"answer\":\"да\"},{\"stepId\":\"c\"}]")).post("/script-runs").then()
                .statusCode(400).body("errors[0].field", equalTo("answers[1].answer"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(run(code, "[{\"stepId\":\"a\",\"answer\":\"да\"},{\"stepId\":\"d\",\"answer\":\"лишнее\"}]"))
                .post("/script-runs").then().statusCode(400).body("errors[0].field", equalTo("answers[1].answer"));
    }

    @Test
    void R17_onlyTheApprovedVersionIsUsedADraftIs409() {
        String draftOnly = Scripts.code();
        Scripts.draft(draftOnly, Scripts.BRANCHING);
        String token = TestInfra.token(manager(), "MANAGER");
        String answers = "[{\"stepId\":\"a\",\"answer\":\"нет\"}]";
        given().auth().oauth2(token).contentType(ContentType.JSON).body(run(draftOnly, answers)).post("/script-runs")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:conflict"));
        String code = Scripts.approved(Scripts.BRANCHING);
        Scripts.draft(code, Scripts.BRANCHING);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"scriptCode\":\"" + code + "\",\"scriptVersion\":2,\"answers\":" + answers + "}")
                .post("/script-runs").then().statusCode(409).body("currentStatus", equalTo("DRAFT"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"scriptCode\":\"" + code + "\",\"scriptVersion\":1,\"answers\":" + answers + "}")
                .post("/script-runs").then().statusCode(201).body("scriptVersion", equalTo(1));
    }

    @Test
    void R17_aRunOfATaskRecordsItsCustomerAndOnlyTheAssigneeOrTheHeadRecordsIt() {
        String me = manager();
        ru.parus.callcenter.domain.CallTask t = new ru.parus.callcenter.domain.CallTask();
        t.id = UUID.randomUUID();
        t.customerId = UUID.randomUUID();
        t.kind = "UNPAID_ORDER";
        t.cause = "order:" + UUID.randomUUID();
        t.assignee = me;
        t.status = ru.parus.callcenter.domain.TaskStatus.OPEN;
        t.priority = 1;
        t.script = "unpaid-order";
        t.createdAt = OffsetDateTime.now(clock);
        t.dueAt = t.createdAt.plusHours(2);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> tasks.persist(t));
        String body = "{\"scriptCode\":\"unpaid-order\",\"taskId\":\"" + t.id + "\",\"answers\":["
                + "{\"stepId\":\"greeting\",\"answer\":\"да\"},{\"stepId\":\"still-wanted\",\"answer\":\"да\"},"
                + "{\"stepId\":\"payment\",\"answer\":\"ссылка\"},{\"stepId\":\"goodbye\"}]}";
        given().auth().oauth2(TestInfra.token(me, "MANAGER")).contentType(ContentType.JSON).body(body)
                .post("/script-runs").then().statusCode(201).body("customerId", equalTo(t.customerId.toString()))
                .body("taskId", equalTo(t.id.toString())).body("mandatoryOnPath", equalTo(4))
                .body("quality", equalTo(1.0f));
        given().auth().oauth2(TestInfra.token(manager(), "MANAGER")).contentType(ContentType.JSON).body(body)
                .post("/script-runs").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body(body).post("/script-runs").then().statusCode(201);
        given().auth().oauth2(TestInfra.token(me, "MANAGER")).contentType(ContentType.JSON)
                .body(body.replace("unpaid-order", "order-ready")).post("/script-runs").then().statusCode(400)
                .body("taskScript", equalTo("unpaid-order"));
    }

    @Test
    void badInputAndRolesAnswerProblems() {
        String token = TestInfra.token(manager(), "MANAGER");
        String answers = "[{\"stepId\":\"greeting\",\"answer\":\"да\"}]";
        given().auth().oauth2(token).contentType(ContentType.JSON).body(run("no-such-script", answers))
                .post("/script-runs").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"scriptCode\":\"dormant-customer\"}")
                .post("/script-runs").then().statusCode(400).body("errors[0].field", equalTo("answers"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"answers\":" + answers + "}")
                .post("/script-runs").then().statusCode(400).body("errors[0].field", equalTo("scriptCode"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"scriptCode\":")
                .post("/script-runs").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"scriptCode\":\"dormant-customer\",\"taskId\":\"not-a-uuid\",\"answers\":" + answers + "}")
                .post("/script-runs").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"scriptCode\":\"dormant-customer\",\"taskId\":\"" + UUID.randomUUID() + "\",\"answers\":" + answers + "}")
                .post("/script-runs").then().statusCode(400).body("errors[0].field", equalTo("taskId"));
        given().auth().oauth2(TestInfra.token("director-1", "DIRECTOR")).contentType(ContentType.JSON)
                .body(run("dormant-customer", answers)).post("/script-runs").then().statusCode(403)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(run("dormant-customer", answers)).post("/script-runs").then()
                .statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(token).get("/script-runs").then().statusCode(403);
        given().auth().oauth2(HEAD).get("/script-runs?from=yesterday").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().auth().oauth2(HEAD).get("/script-runs?size=0").then().statusCode(400);
    }
}
