package ru.parus.callcenter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ru.parus.callcenter.service.ScriptService;
import ru.parus.infra.test.TestInfra;

/** R17: versioned branching scripts, drafts, approval, retirement, and the graph checks. */
@QuarkusTest
class ScriptApiTest {
    static final String HEAD = Scripts.HEAD;
    static final String MANAGER = TestInfra.token("manager-1", "MANAGER");

    @Inject
    ScriptService scripts;

    @Test
    void R17_demoScriptsAreApprovedVersionOneInRussianAndWellFormed() {
        for (String code : List.of("dormant-customer", "unpaid-order", "order-ready", "phone-order-upsell")) {
            given().auth().oauth2(MANAGER).get("/scripts/{code}", code).then().statusCode(200)
                    .body("code", equalTo(code)).body("version", equalTo(1)).body("status", equalTo("APPROVED"))
                    .body("startStep", equalTo("greeting")).body("steps.id", hasItem("goodbye"));
            var s = scripts.approved(code);
            ScriptService.validate(s.version().startStep, s.steps()); // throws if the demo graph were broken
        }
        given().auth().oauth2(MANAGER).get("/scripts/phone-order-upsell").then()
                .body("steps.findAll { it.offer }.id", equalTo(List.of("upsell-1", "upsell-2", "upsell-3")))
                .body("steps[0].prompt", org.hamcrest.Matchers.startsWith("Здравствуйте"));
    }

    @Test
    void R17_aDraftIsNotUsedUntilTheHeadApprovesItAndApprovingRetiresThePrevious() {
        String code = Scripts.code();
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body(Scripts.BRANCHING)
                .post("/scripts/{code}/versions", code).then().statusCode(201)
                .body("version", equalTo(1)).body("status", equalTo("DRAFT")).body("createdBy", equalTo("head-1"));
        given().auth().oauth2(MANAGER).get("/scripts/{code}", code).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:parus:problem:not-found"));
        given().auth().oauth2(HEAD).post("/scripts/{code}/versions/1/approve", code).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("approvedBy", equalTo("head-1"));
        Scripts.draft(code, Scripts.BRANCHING.replace("Тестовый скрипт", "Версия 2"));
        given().auth().oauth2(MANAGER).get("/scripts/{code}", code).then().statusCode(200).body("version", equalTo(1));
        given().auth().oauth2(HEAD).post("/scripts/{code}/versions/2/approve", code).then().statusCode(200);
        given().auth().oauth2(MANAGER).get("/scripts/{code}", code).then().statusCode(200)
                .body("version", equalTo(2)).body("title", equalTo("Версия 2"));
        given().auth().oauth2(HEAD).get("/scripts/{code}/versions", code).then().statusCode(200)
                .body("version", equalTo(List.of(1, 2))).body("status", equalTo(List.of("RETIRED", "APPROVED")));
        given().auth().oauth2(HEAD).post("/scripts/{code}/versions/1/approve", code).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:parus:problem:conflict"))
                .body("currentStatus", equalTo("RETIRED"));
    }

    @Test
    void R17_aMalformedScriptIsRefusedNamingTheBadStep() {
        String code = Scripts.code();
        assertBad(code, Scripts.BRANCHING.replace("\"startStep\":\"a\"", "\"startStep\":\"zz\""), "zz", "startStep");
        assertBad(code, Scripts.BRANCHING.replace("\"next\":\"d\"", "\"next\":\"nowhere\""), "c", "steps[2].next");
        assertBad(code, Scripts.BRANCHING.replace("{\"value\":\"принято\",\"next\":\"c\"}", "{\"value\":\"принято\",\"next\":\"d\"}")
                .replace("{\"value\":\"отклонено\",\"next\":\"c\"}", "{\"value\":\"отклонено\",\"next\":\"d\"}"), "c", "steps[2]");
        // d loops back to c: from b, c and d no end can be reached (a can end by "нет"); the first such step is named
        assertBad(code, Scripts.BRANCHING.replace("{\"id\":\"d\",\"prompt\":\"До свидания\",\"next\":null}",
                "{\"id\":\"d\",\"prompt\":\"До свидания\",\"next\":\"c\"}"), "b", "steps[1]");
        assertBad(code, Scripts.BRANCHING.replace("\"id\":\"d\"", "\"id\":\"c\""), "c", "steps[3].id");
        assertBad(code, Scripts.BRANCHING.replace("\"prompt\":\"Вопрос\"", "\"prompt\":\" \""), "c", "steps[2].prompt");
        given().auth().oauth2(HEAD).get("/scripts/{code}/versions", code).then().statusCode(404); // nothing was stored
    }

    private static void assertBad(String code, String body, String step, String field) {
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body(body).post("/scripts/{code}/versions", code)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:validation")).body("step", equalTo(step))
                .body("errors[0].field", equalTo(field));
    }

    @Test
    void theOpenApiDocumentDescribesTheNewEndpoints() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/scripts/{code}/versions'.post.responses.'400'.description", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/script-runs'.post.responses.'409'.description", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/campaigns/{id}/report'.get.responses.'403'.description", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/feedback/{id}/answer'.post.responses.'409'.description", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void badInputAndRolesAnswerProblems() {
        String code = Scripts.code();
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body("{\"title\":").post("/scripts/{code}/versions", code)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:malformed-request"));
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body("{\"title\":\"x\",\"startStep\":\"a\"}")
                .post("/scripts/{code}/versions", code).then().statusCode(400)
                .body("errors[0].field", equalTo("steps"));
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body(Scripts.BRANCHING)
                .post("/scripts/{code}/versions", "Bad Code").then().statusCode(400).body("errors[0].field", equalTo("code"));
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(Scripts.BRANCHING)
                .post("/scripts/{code}/versions", code).then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Scripts.BRANCHING).post("/scripts/{code}/versions", code)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(HEAD).post("/scripts/{code}/versions/7/approve", "dormant-customer").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(HEAD).post("/scripts/{code}/versions/x/approve", "dormant-customer").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(MANAGER).post("/scripts/{code}/versions/1/approve", "dormant-customer").then().statusCode(403);
        given().auth().oauth2(MANAGER).get("/scripts/{code}/versions", "dormant-customer").then().statusCode(403);
        given().get("/scripts/dormant-customer").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestInfra.token("wh-1", "WAREHOUSE")).get("/scripts/dormant-customer").then().statusCode(403);
    }
}
