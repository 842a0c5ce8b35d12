package ru.parus.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import ru.parus.infra.test.EndpointChecks;
import ru.parus.infra.test.TestInfra;
import ru.parus.notification.domain.MessageLog;
import ru.parus.notification.domain.MessageStatus;
import ru.parus.notification.repository.MessageLogRepository;

@QuarkusTest
class MessageLogApiTest {
    static final String HEAD = TestInfra.token("head-1", "HEAD");
    
    @Inject
    MessageLogRepository messages;

    @Test
    void aLoggedMessageIsReadBackWithItsVersionAsETag() {
        MessageLog message = new MessageLog();
        message.id = UUID.randomUUID();
        message.customerId = UUID.randomUUID();
        message.channel = "EMAIL";
        message.status = MessageStatus.SENT;
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
    void readByIdAnswersProblemsForNoTokenWrongRoleAndUnknownIds() {
        EndpointChecks.readByIdIsGuarded("/messages", HEAD, TestInfra.token("wh-1", "WAREHOUSE"));
    }

    @Test
    void healthMetricsAndOpenApiStayOpen() {
        EndpointChecks.operationalEndpointsAreOpen();
    }
}
