package ru.parus.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static ru.parus.notification.Events.id;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import ru.parus.infra.test.TestInfra;
import ru.parus.notification.domain.MessageStatus;
import ru.parus.notification.repository.CustomerReachabilityRepository;
import ru.parus.notification.repository.MessageLogRepository;

/**
 * R21, issue 15: a message due now is sent right after the commit that queued it, not at the dispatcher's next poll.
 * The poll is set to an hour here, so only the wake-up on commit can send it within the wait.
 */
@QuarkusTest
@TestProfile(DispatchOnCommitTest.HourlyPoll.class)
class DispatchOnCommitTest {
    public static class HourlyPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parus.notification.dispatch-every", "1h");
        }
    }

    @Inject
    CustomerReachabilityRepository reachability;
    @Inject
    MessageLogRepository messages;

    @Test
    void R21_aMessageDueNowIsSentAfterItsCommitWithoutWaitingForThePoll() throws Exception {
        String to = "w" + id().substring(0, 8) + "@example.org";
        String customer = id();
        Events.sendRegistered(customer, "manager-1");
        Events.sendConsent(Events.consent(customer, "EMAIL", null, null, null, "EMAIL", to));
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> reachability.findById(UUID.fromString(customer))),
                r -> r != null && "manager-1".equals(r.ownerManagerId));
        // the scheduler's first run, at start-up, is over by now; its next one is an hour away
        String messageId = given().auth().oauth2(TestInfra.token("manager-1", "MANAGER")).contentType(ContentType.JSON)
                .body("""
                        {"customerId":"%s","text":"Ваш заказ собран.","subject":"Заказ"}""".formatted(customer))
                .post("/messages").then().statusCode(202).body("status", equalTo("QUEUED"))
                .extract().path("id");

        // SENT is written only after the SMTP server accepted the mail. The mailbox itself is not read here: this test
        // runs in its own profile's class loader, where the embedded SMTP server of local test infrastructure (started
        // in another loader) cannot be read; the other e-mail tests read it
        await().atMost(Duration.ofSeconds(5)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> messages.findById(UUID.fromString(messageId)).status), MessageStatus.SENT::equals);
        assertEquals(to, QuarkusTransaction.requiringNew()
                .call(() -> messages.findById(UUID.fromString(messageId)).address));
    }
}
