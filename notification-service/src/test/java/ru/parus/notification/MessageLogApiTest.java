package ru.parus.notification;

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
import ru.parus.infra.test.TestInfra;
import ru.parus.notification.domain.MessageLog;
import ru.parus.notification.repository.MessageLogRepository;

@QuarkusTest
class MessageLogApiTest {
    static final String HEAD = TestInfra.token("head-1", "HEAD");
    static final String UNKNOWN = "6f1c9a8e-0000-4000-8000-000000000000";

    @Inject
    MessageLogRepository messages;

    @Test
    void aLoggedMessageIsReadBackWithItsVersionAsETag() {
        MessageLog message = new MessageLog();
        message.id = UUID.randomUUID();
        message.customerId = UUID.randomUUID();
        message.channel = "EMAIL";
        message.status = "SENT";
        message.causeEventId = UUID.randomUUID().toString();
        message.createdAt = OffsetDateTime.of(2026, 11, 20, 9, 0, 0, 0, ZoneOffset.UTC);
        QuarkusTransaction.requiringNew().run(() -> messages.persist(message));

        given().auth().oauth2(HEAD).get("/messages/{id}", message.id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("customerId", equalTo(message.customerId.toString()))
                .body("channel", equalTo("EMAIL"))
                .body("status", equalTo("SENT"))
                .body("causeEventId", equalTo(message.causeEventId))
                .body("createdAt", equalTo("2026-11-20T09:00:00Z"));
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        given().auth().oauth2(HEAD).get("/messages/{id}", UNKNOWN)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:not-found"));
        given().auth().oauth2(HEAD).get("/messages/not-a-uuid")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void noTokenIs401AndAWrongRoleIs403BothAsProblems() {
        given().get("/messages/{id}", UNKNOWN)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:parus:problem:unauthorized"));
        given().auth().oauth2(TestInfra.token("wh-1", "WAREHOUSE")).get("/messages/{id}", UNKNOWN)
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
