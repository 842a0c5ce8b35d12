package ru.parus.callcenter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import ru.parus.callcenter.domain.CallTask;
import ru.parus.callcenter.repository.CallTaskRepository;
import ru.parus.infra.test.TestInfra;

@QuarkusTest
class CallTaskApiTest {
    static final String HEAD = TestInfra.token("head-1", "HEAD");
    static final String UNKNOWN = "6f1c9a8e-0000-4000-8000-000000000000";

    @Inject
    CallTaskRepository tasks;

    @Test
    void aStoredTaskIsReadBackWithItsVersionAsETag() {
        CallTask task = new CallTask();
        task.id = UUID.randomUUID();
        task.customerId = UUID.randomUUID();
        task.kind = "ASSIGNED";
        task.assignee = "manager-1";
        task.status = "OPEN";
        task.dueAt = OffsetDateTime.of(2026, 12, 1, 18, 0, 0, 0, ZoneOffset.UTC);
        task.createdAt = OffsetDateTime.of(2026, 11, 20, 9, 0, 0, 0, ZoneOffset.UTC);
        QuarkusTransaction.requiringNew().run(() -> tasks.persist(task));

        given().auth().oauth2(TestInfra.token("manager-1", "MANAGER")).get("/tasks/{id}", task.id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("customerId", equalTo(task.customerId.toString()))
                .body("kind", equalTo("ASSIGNED"))
                .body("assignee", equalTo("manager-1"))
                .body("status", equalTo("OPEN"))
                .body("dueAt", equalTo("2026-12-01T18:00:00Z"));
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        given().auth().oauth2(HEAD).get("/tasks/{id}", UNKNOWN)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:not-found"));
        given().auth().oauth2(HEAD).get("/tasks/not-a-uuid")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void noTokenIs401AndAWrongRoleIs403BothAsProblems() {
        given().get("/tasks/{id}", UNKNOWN)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:parus:problem:unauthorized"));
        given().auth().oauth2(TestInfra.token("wh-1", "WAREHOUSE")).get("/tasks/{id}", UNKNOWN)
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:forbidden"));
    }

    @Test
    void healthMetricsAndOpenApiStayOpen() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("Kafka connection health check"));
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
