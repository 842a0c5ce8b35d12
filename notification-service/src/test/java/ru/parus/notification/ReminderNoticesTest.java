package ru.parus.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.parus.notification.Events.id;
import static ru.parus.notification.Events.send;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ru.parus.infra.test.TestInfra;
import ru.parus.notification.domain.MessageLog;
import ru.parus.notification.domain.MessageStatus;
import ru.parus.notification.repository.MessageLogRepository;
import ru.parus.platform.testing.EventSchemas;
import ru.parus.platform.testing.SettableClock;

/**
 * R25 replenishment reminders and R11 bonus expiry warnings: order-service's events on the real broker, through the
 * pipeline (consent, preferred channel, quiet hours) to the test SMTP server.
 */
@QuarkusTest
class ReminderNoticesTest {
    @Inject
    MessageLogRepository messages;
    @Inject
    SettableClock clock;

    static String email() {
        return "r" + id().substring(0, 8) + "@example.org";
    }

    MessageLog awaitMessage(String cause) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> QuarkusTransaction.requiringNew().call(() -> messages.byCause(cause)), m -> m != null);
    }

    MessageLog awaitStatus(UUID id, MessageStatus status) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> QuarkusTransaction.requiringNew().call(() -> messages.findById(id)),
                m -> m != null && status == m.status);
    }

    int count(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) messages.getEntityManager()
                .createNativeQuery(sql).setParameter(1, parameter).getSingleResult()).intValue());
    }

    void awaitCustomer(String customerId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> count(
                "SELECT count(*) FROM customer_reachability WHERE customer_id = ?1 AND consent_version >= 0",
                UUID.fromString(customerId)) == 1);
    }

    void awaitConsumed(String eventId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) FROM inbox WHERE event_id = ?1", eventId) >= 1);
    }

    static void assertValid(String schema, ConsumerRecord<String, String> record) {
        var violations = EventSchemas.violations(schema, record.value());
        assertTrue(violations.isEmpty(), () -> schema + ": " + violations);
        assertTrue(!record.value().contains("@example.org"), "no address in events (R24)");
    }

    /** A customer who consented to e-mail only, at this address, with no quiet hours. */
    static String consentedByEmail(String to) throws Exception {
        String customer = id();
        Events.sendConsent(Events.consent(customer, "EMAIL", null, null, null, "EMAIL", to));
        return customer;
    }

    /** A customer who withdrew the e-mail consent (an address is known, no channel may be used). */
    static String withoutConsent(String to) throws Exception {
        String customer = id();
        ObjectNode withdrawn = Events.consent(customer, "EMAIL", null, null, null);
        withdrawn.putArray("consents").addObject().put("channel", "EMAIL").put("granted", false)
                .put("changedAt", "2026-11-27T10:05:00Z").put("method", "CALL");
        withdrawn.putObject("addresses").put("EMAIL", to);
        Events.sendConsent(withdrawn);
        return customer;
    }

    static long lineId() {
        return ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);
    }

    @Test
    void R25_R11_theReminderTemplatesPreviewForEveryChannel() {
        String manager = TestInfra.token("manager-1", "MANAGER");
        given().auth().oauth2(manager).get("/templates/REPLENISHMENT_REMINDER/SMS/preview").then().statusCode(200)
                .body("body", equalTo("Whey Protein 900 g, chocolate у вас заканчивается примерно 02.12.2026. "
                        + "Ответьте на это сообщение или закажите снова."))
                .body("templateVersion", startsWith("REPLENISHMENT_REMINDER/default@"))
                .body("sms.segments", equalTo(2));
        given().auth().oauth2(manager).get("/templates/BONUS_POINTS_EXPIRING/EMAIL/preview").then().statusCode(200)
                .body("subject", equalTo("11.12.2026 сгорят бонусные баллы: 5 468"))
                .body("body", containsString("Сейчас на бонусном счёте 9 120 баллов."));
        given().auth().oauth2(manager).get("/templates/BONUS_POINTS_EXPIRING/TELEGRAM/preview").then().statusCode(200)
                .body("body", equalTo("11.12.2026 сгорят бонусные баллы: 5 468. Ваш баланс: 9 120 баллов."));
    }

    @Test
    void R25_replenishmentDueByMessageSendsOneReminderMailEvenWhenDeliveredTwice() throws Exception {
        String to = email();
        String customer = consentedByEmail(to);
        awaitCustomer(customer);
        String order = id();
        long line = lineId();
        ObjectNode due = Events.replenishmentDue(customer, order, line, "MESSAGE");
        String eventId = id();
        // the same event delivered twice, and the same order line under a new event id
        send("order-events", order, "order", "ReplenishmentDue", eventId, due);
        send("order-events", order, "order", "ReplenishmentDue", eventId, due);
        send("order-events", order, "order", "ReplenishmentDue", id(), due);

        MessageLog m = awaitStatus(awaitMessage("REPLENISHMENT_REMINDER:orderLine:" + line).id, MessageStatus.SENT);
        Events.awaitMails(to, 1);
        Thread.sleep(1500); // a second mail, if one were made, would arrive within the dispatcher's period
        List<MimeMessage> mails = Events.mailsTo(to);
        assertEquals(1, mails.size(), "one reminder per order line");
        assertEquals("Whey Protein 900 g, chocolate скоро закончится", mails.get(0).getSubject());
        String body = mails.get(0).getContent().toString();
        assertTrue(body.contains("Похоже, Whey Protein 900 g, chocolate у вас заканчивается — примерно 02.12.2026."), body);
        assertTrue(body.contains("ответьте на это письмо") && body.contains("закажите снова"), body);
        assertEquals("EMAIL", m.channel);
        assertEquals(UUID.fromString(order), m.orderId);
        assertTrue(m.templateVersion.startsWith("REPLENISHMENT_REMINDER/EMAIL@"), m.templateVersion);

        List<ConsumerRecord<String, String>> sent = Events.published("MessageSent", m.id.toString(), 2, Duration.ofSeconds(5));
        assertEquals(1, sent.size(), "one MessageSent");
        assertValid("MessageSent.v1", sent.get(0));
        JsonPath payload = JsonPath.from(sent.get(0).value());
        assertEquals("REPLENISHMENT_REMINDER", payload.getString("kind"));
        assertEquals(customer, payload.getString("customerId"));
    }

    @Test
    void R25_replenishmentDueWithCallFirstSendsNothingFromHere() throws Exception {
        String to = email();
        String customer = consentedByEmail(to);
        awaitCustomer(customer);
        String order = id();
        long line = lineId();
        String eventId = id();
        send("order-events", order, "order", "ReplenishmentDue", eventId, Events.replenishmentDue(customer, order, line, "CALL"));

        awaitConsumed(eventId);
        Thread.sleep(1500); // a mail, if one were made, would arrive within the dispatcher's period
        assertNull(QuarkusTransaction.requiringNew().call(() -> messages.byCause("REPLENISHMENT_REMINDER:orderLine:" + line)),
                "callcenter-service calls: no message row");
        assertEquals(0, count("SELECT count(*) FROM message_log WHERE customer_id = ?1", UUID.fromString(customer)));
        assertEquals(0, Events.mailsTo(to).size());
    }

    @Test
    void R25_R21_noConsentSkipsTheReminderWithTheReasonAndMessageSkipped() throws Exception {
        String to = email();
        String customer = withoutConsent(to);
        awaitCustomer(customer);
        String order = id();
        long line = lineId();
        send("order-events", order, "order", "ReplenishmentDue", id(), Events.replenishmentDue(customer, order, line, "MESSAGE"));

        MessageLog m = awaitStatus(awaitMessage("REPLENISHMENT_REMINDER:orderLine:" + line).id, MessageStatus.SKIPPED);
        assertEquals("NO_CONSENT", m.reason);
        List<ConsumerRecord<String, String>> skipped = Events.published("MessageSkipped", m.id.toString(), 1, Duration.ofSeconds(10));
        assertEquals(1, skipped.size());
        assertValid("MessageSkipped.v1", skipped.get(0));
        JsonPath payload = JsonPath.from(skipped.get(0).value());
        assertEquals("REPLENISHMENT_REMINDER", payload.getString("kind"));
        assertEquals("NO_CONSENT", payload.getString("reason"));
        Thread.sleep(1000);
        assertEquals(0, Events.mailsTo(to).size());
    }

    @Test
    void R25_R21_quietHoursHoldTheReminderUntilTheyEnd() throws Exception {
        String customer = id();
        String to = email();
        ZoneId zone = ZoneId.of("Asia/Yekaterinburg");
        LocalDateTime local = LocalDateTime.ofInstant(clock.instant(), zone);
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        LocalTime from = local.toLocalTime().minusHours(1).withSecond(0).withNano(0);
        LocalTime until = local.toLocalTime().plusHours(1).withSecond(0).withNano(0);
        Events.sendConsent(Events.consent(customer, "EMAIL", from.format(hhmm), until.format(hhmm), zone.getId(), "EMAIL", to));
        awaitCustomer(customer);
        String order = id();
        long line = lineId();
        send("order-events", order, "order", "ReplenishmentDue", id(), Events.replenishmentDue(customer, order, line, "MESSAGE"));

        MessageLog m = awaitStatus(awaitMessage("REPLENISHMENT_REMINDER:orderLine:" + line).id, MessageStatus.QUEUED);
        LocalDate endDate = until.isBefore(local.toLocalTime()) ? local.toLocalDate().plusDays(1) : local.toLocalDate();
        assertEquals(ZonedDateTime.of(endDate, until, zone).toInstant(), m.notBefore.toInstant(), "waits until the quiet hours end");
        Thread.sleep(1000);
        assertEquals(0, Events.mailsTo(to).size());

        clock.advance(Duration.ofMinutes(61));
        awaitStatus(m.id, MessageStatus.SENT);
        Events.awaitMails(to, 1);
        assertEquals(1, Events.mailsTo(to).size());
    }

    /** A customer with an e-mail consent whose quiet hours hold messages now (from an hour ago to an hour ahead). */
    private String quietNow(String to) throws Exception {
        String customer = id();
        ZoneId zone = ZoneId.of("Asia/Yekaterinburg");
        LocalTime now = LocalDateTime.ofInstant(clock.instant(), zone).toLocalTime();
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        Events.sendConsent(Events.consent(customer, "EMAIL", now.minusHours(1).format(hhmm), now.plusHours(1).format(hhmm),
                zone.getId(), "EMAIL", to));
        awaitCustomer(customer);
        return customer;
    }

    private void orderPlaced(String customer, String family) throws Exception {
        String order = id();
        ObjectNode placed = Events.example("OrderPlaced");
        placed.put("orderId", order);
        placed.put("customerId", customer);
        ((ObjectNode) placed.withArray("lines").get(0)).put("familyId", family);
        send("order-events", order, "order", "OrderPlaced", id(), placed);
    }

    /**
     * R25, R24: a reminder naming a customer merged away is the survivor's; an order of the family that still names the
     * merged-away customer renews the survivor's supply, so the reminder held by quiet hours is not sent.
     */
    @Test
    void R25_aMergedAwayCustomersReorderSkipsTheSurvivorsHeldReminder() throws Exception {
        String to = email();
        String survivor = quietNow(to);
        String mergedAway = id();
        awaitConsumed(Events.sendMerge(survivor, mergedAway));

        String family = id();
        long held = lineId();
        ObjectNode due = Events.replenishmentDue(mergedAway, id(), held, "MESSAGE");
        due.put("familyId", family);
        send("order-events", due.get("orderId").asText(), "order", "ReplenishmentDue", id(), due);
        MessageLog m = awaitStatus(awaitMessage("REPLENISHMENT_REMINDER:orderLine:" + held).id, MessageStatus.QUEUED);
        assertEquals(UUID.fromString(survivor), m.customerId, "the survivor is reached");

        orderPlaced(mergedAway, family);
        m = awaitStatus(m.id, MessageStatus.SKIPPED);
        assertEquals("REORDERED", m.reason);
        assertEquals(0, Events.mailsTo(to).size());
    }

    @Test
    void R25_aReminderHeldByQuietHoursIsSkippedWhenTheFamilyIsOrderedAgain() throws Exception {
        String to = email();
        String customer = quietNow(to);
        String family = id();
        long held = lineId();
        long otherFamily = lineId();
        ObjectNode due = Events.replenishmentDue(customer, id(), held, "MESSAGE");
        due.put("familyId", family);
        send("order-events", due.get("orderId").asText(), "order", "ReplenishmentDue", id(), due);
        ObjectNode other = Events.replenishmentDue(customer, id(), otherFamily, "MESSAGE");
        other.put("familyId", id());
        send("order-events", other.get("orderId").asText(), "order", "ReplenishmentDue", id(), other);
        MessageLog m = awaitStatus(awaitMessage("REPLENISHMENT_REMINDER:orderLine:" + held).id, MessageStatus.QUEUED);
        MessageLog untouched = awaitStatus(awaitMessage("REPLENISHMENT_REMINDER:orderLine:" + otherFamily).id, MessageStatus.QUEUED);

        orderPlaced(customer, family);

        m = awaitStatus(m.id, MessageStatus.SKIPPED);
        assertEquals("REORDERED", m.reason);
        List<ConsumerRecord<String, String>> skipped = Events.published("MessageSkipped", m.id.toString(), 1, Duration.ofSeconds(10));
        assertEquals(1, skipped.size());
        assertValid("MessageSkipped.v1", skipped.get(0));
        assertEquals("REORDERED", JsonPath.from(skipped.get(0).value()).getString("reason"));
        assertEquals(MessageStatus.QUEUED, QuarkusTransaction.requiringNew().call(() -> messages.findById(untouched.id)).status,
                "another family's reminder still waits");
        assertEquals(0, Events.mailsTo(to).size());
    }

    @Test
    void R11_bonusPointsExpiringSendsOneWarningMailEvenWhenDeliveredTwice() throws Exception {
        String to = email();
        String customer = consentedByEmail(to);
        awaitCustomer(customer);
        String earnedOrder = id();
        ObjectNode expiring = Events.bonusPointsExpiring(customer, earnedOrder);
        String eventId = id();
        // the same event delivered twice, and the same earning published again under a new event id
        send("order-events", customer, "order", "BonusPointsExpiring", eventId, expiring);
        send("order-events", customer, "order", "BonusPointsExpiring", eventId, expiring);
        send("order-events", customer, "order", "BonusPointsExpiring", id(), expiring);

        MessageLog m = awaitStatus(awaitMessage("BONUS_POINTS_EXPIRING:order:" + earnedOrder + ":2026-12-11T09:30:00Z").id,
                MessageStatus.SENT);
        Events.awaitMails(to, 1);
        Thread.sleep(1500); // a second mail, if one were made, would arrive within the dispatcher's period
        List<MimeMessage> mails = Events.mailsTo(to);
        assertEquals(1, mails.size(), "one warning per expiring earning");
        assertEquals("11.12.2026 сгорят бонусные баллы: 5 468", mails.get(0).getSubject());
        String body = mails.get(0).getContent().toString();
        assertTrue(body.contains("11.12.2026 сгорят ваши бонусные баллы: 5 468."), body);
        assertTrue(body.contains("Сейчас на бонусном счёте 9 120 баллов."), body);
        assertEquals(UUID.fromString(earnedOrder), m.orderId);

        List<ConsumerRecord<String, String>> sent = Events.published("MessageSent", m.id.toString(), 2, Duration.ofSeconds(5));
        assertEquals(1, sent.size(), "one MessageSent");
        assertValid("MessageSent.v1", sent.get(0));
        assertEquals("BONUS_POINTS_EXPIRING", JsonPath.from(sent.get(0).value()).getString("kind"));
    }

    @Test
    void R11_R21_bonusWarningWithoutConsentIsSkippedWithMessageSkipped() throws Exception {
        String to = email();
        String customer = withoutConsent(to);
        awaitCustomer(customer);
        ObjectNode expiring = Events.bonusPointsExpiring(customer, null);
        expiring.putNull("earnedOrderId");
        String eventId = id();
        send("order-events", customer, "order", "BonusPointsExpiring", eventId, expiring);

        MessageLog m = awaitStatus(awaitMessage("BONUS_POINTS_EXPIRING:event:" + eventId).id, MessageStatus.SKIPPED);
        assertEquals("NO_CONSENT", m.reason);
        List<ConsumerRecord<String, String>> skipped = Events.published("MessageSkipped", m.id.toString(), 1, Duration.ofSeconds(10));
        assertEquals(1, skipped.size());
        assertValid("MessageSkipped.v1", skipped.get(0));
        assertEquals("BONUS_POINTS_EXPIRING", JsonPath.from(skipped.get(0).value()).getString("kind"));
        Thread.sleep(1000);
        assertEquals(0, Events.mailsTo(to).size());
    }
}
