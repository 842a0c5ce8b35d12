package ru.parus.callcenter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import ru.parus.callcenter.domain.CallTask;
import ru.parus.callcenter.domain.TaskStatus;
import ru.parus.callcenter.repository.CallTaskRepository;
import ru.parus.infra.test.EndpointChecks;
import ru.parus.infra.test.TestInfra;

@QuarkusTest
class CallTaskApiTest {
    static final String HEAD = TestInfra.token("head-1", "HEAD");
    
    @Inject
    CallTaskRepository tasks;

    @Test
    void aStoredTaskIsReadBackWithItsVersionAsETag() {
        CallTask task = new CallTask();
        task.id = UUID.randomUUID();
        task.customerId = UUID.randomUUID();
        task.kind = "ASSIGNED";
        task.assignee = "manager-1";
        task.status = TaskStatus.OPEN;
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
    void readByIdAnswersProblemsForNoTokenWrongRoleAndUnknownIds() {
        EndpointChecks.readByIdIsGuarded("/tasks", HEAD, TestInfra.token("wh-1", "WAREHOUSE"));
    }

    @Test
    void healthMetricsAndOpenApiStayOpen() {
        EndpointChecks.operationalEndpointsAreOpen();
    }
}
