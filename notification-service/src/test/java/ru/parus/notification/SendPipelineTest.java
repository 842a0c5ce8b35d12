package ru.parus.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.parus.notification.Events.id;
import static ru.parus.notification.Events.send;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

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

/** The send pipeline against the real broker, database and SMTP server. */
@QuarkusTest
class SendPipelineTest {
    static final String HEAD = TestInfra.token("head-1", "HEAD");

    @Inject
    MessageLogRepository messages;
    @Inject
    SettableClock clock;
    @Inject
    FlakyVkChannel vk;

    static String email() {
        return "c" + id().substring(0, 8) + "@example.org";
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

    /** Events of different topics are not ordered: the test waits until this service's projections hold the rows. */
    void awaitRow(String table, String column, String id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) messages.getEntityManager().createNativeQuery(
                        "SELECT count(*) FROM " + table + " WHERE " + column + " = ?1 AND " + ("order_projection".equals(table)
                                ? "payment_method IS NOT NULL" : "consent_version >= 0"))
                        .setParameter(1, UUID.fromString(id)).getSingleResult()).intValue() == 1));
    }

    void awaitCustomer(String customerId) {
        awaitRow("customer_reachability", "customer_id", customerId);
    }

    static void assertValid(String schema, ConsumerRecord<String, String> record) {
        var violations = EventSchemas.violations(schema, record.value());
        assertTrue(violations.isEmpty(), () -> schema + ": " + violations);
        assertTrue(!record.value().contains("@example.org"), "no address in events (R24)");
    }

    @Test
    void R13_readyForPickupDeliveredTwiceSendsOneMailAndOneMessageSent() throws Exception {
        String customer = id();
        String order = id();
        String shipment = id();
        String to = email();
        Events.sendConsent(Events.consent(customer, "EMAIL", null, null, null, "EMAIL", to, "SMS", "+79123456789"));
        ObjectNode confirmed = Events.confirmed(order, customer);
        confirmed.put("paymentMethod", "AT_PICKUP_POINT");
        confirmed.put("deliveryMethod", "PICKUP_POINT");
        send("order-events", order, "order", "OrderConfirmed", id(), confirmed);
        awaitCustomer(customer);
        awaitRow("order_projection", "order_id", order);
        ObjectNode ready = Events.readyForPickup(shipment, order);
        ready.put("cashOnDeliveryKopecks", 521550);
        String eventId = id();
        // the same event delivered twice, and the same fact under a new event id
        send("fulfillment-events", order, "fulfillment", "ShipmentReadyForPickup", eventId, ready);
        send("fulfillment-events", order, "fulfillment", "ShipmentReadyForPickup", eventId, ready);
        send("fulfillment-events", order, "fulfillment", "ShipmentReadyForPickup", id(), ready);

        MessageLog m = awaitMessage("ORDER_READY:shipment:" + shipment + ":arrived");
        m = awaitStatus(m.id, MessageStatus.SENT);
        Events.awaitMails(to, 1);
        Thread.sleep(1500); // a second mail, if one were made, would arrive within the dispatcher's period
        List<MimeMessage> mails = Events.mailsTo(to);
        assertEquals(1, mails.size(), "exactly one mail per cause");
        String orderNumber = order.substring(0, 8).toUpperCase();
        assertEquals("Ваш заказ № " + orderNumber + " готов", mails.get(0).getSubject());
        String body = mails.get(0).getContent().toString();
        assertTrue(body.contains("Ваш заказ № " + orderNumber + " прибыл в пункт выдачи CDEK-EKB-117"), body);
        assertTrue(body.contains("К оплате при получении: 5 215,50 ₽."), body);
        assertTrue(body.contains("Трек-номер: 1234567890"), body);
        assertEquals("EMAIL", m.channel);
        assertTrue(m.templateVersion.startsWith("ORDER_READY/EMAIL@"), m.templateVersion);

        List<ConsumerRecord<String, String>> sent = Events.published("MessageSent", m.id.toString(), 2, Duration.ofSeconds(5));
        assertEquals(1, sent.size(), "one MessageSent");
        assertEquals(m.id.toString(), sent.get(0).key());
        assertValid("MessageSent.v1", sent.get(0));
        JsonPath payload = JsonPath.from(sent.get(0).value());
        assertEquals(customer, payload.getString("customerId"));
        assertEquals("ORDER_READY", payload.getString("kind"));
        assertEquals("EMAIL", payload.getString("channel"));
    }

    @Test
    void R21_noConsentMeansNoMailAndASkippedRowWithTheReason() throws Exception {
        String customer = id();
        String order = id();
        String shipment = id();
        String to = email();
        ObjectNode withdrawn = Events.consent(customer, "EMAIL", null, null, null);
        withdrawn.putArray("consents").addObject().put("channel", "EMAIL").put("granted", false)
                .put("changedAt", "2026-11-27T10:05:00Z").put("method", "CALL");
        withdrawn.putObject("addresses").put("EMAIL", to);
        Events.sendConsent(withdrawn);
        send("order-events", order, "order", "OrderConfirmed", id(), Events.confirmed(order, customer));
        awaitCustomer(customer);
        awaitRow("order_projection", "order_id", order);
        ObjectNode packed = Events.example("ShipmentPacked");
        packed.put("shipmentId", shipment);
        packed.put("orderId", order);
        send("fulfillment-events", order, "fulfillment", "ShipmentPacked", id(), packed);

        MessageLog m = awaitStatus(awaitMessage("ORDER_READY:shipment:" + shipment + ":packed").id, MessageStatus.SKIPPED);
        assertEquals("NO_CONSENT", m.reason);
        assertEquals(UUID.fromString(customer), m.customerId);
        Thread.sleep(1000);
        assertEquals(0, Events.mailsTo(to).size());
        List<ConsumerRecord<String, String>> skipped = Events.published("MessageSkipped", m.id.toString(), 1, Duration.ofSeconds(10));
        assertEquals(1, skipped.size());
        assertValid("MessageSkipped.v1", skipped.get(0));
        given().auth().oauth2(HEAD).get("/messages/{id}", m.id).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("SKIPPED"))
                .body("reason", org.hamcrest.Matchers.equalTo("NO_CONSENT"));
    }

    @Test
    void R21_quietHoursQueueTheMessageUntilTheyEndThenItIsSent() throws Exception {
        String customer = id();
        String order = id();
        String to = email();
        ZoneId zone = ZoneId.of("Asia/Yekaterinburg");
        LocalDateTime local = LocalDateTime.ofInstant(clock.instant(), zone);
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        LocalTime from = local.toLocalTime().minusHours(1).withSecond(0).withNano(0);
        LocalTime to_ = local.toLocalTime().plusHours(1).withSecond(0).withNano(0);
        Events.sendConsent(Events.consent(customer, null, from.format(hhmm), to_.format(hhmm), zone.getId(), "EMAIL", to));
        awaitCustomer(customer);
        ObjectNode overdue = Events.example("OrderPaymentOverdue");
        overdue.put("orderId", order);
        overdue.put("customerId", customer);
        send("order-events", order, "order", "OrderPaymentOverdue", id(), overdue);

        MessageLog m = awaitMessage("PAYMENT_REMINDER:order:" + order);
        m = awaitStatus(m.id, MessageStatus.QUEUED);
        LocalDate endDate = to_.isBefore(local.toLocalTime()) ? local.toLocalDate().plusDays(1) : local.toLocalDate();
        assertEquals(ZonedDateTime.of(endDate, to_, zone).toInstant(), m.notBefore.toInstant(), "waits until the quiet hours end");
        Thread.sleep(1000);
        assertEquals(MessageStatus.QUEUED, QuarkusTransaction.requiringNew().call(() -> messages.findById(
                awaitMessage("PAYMENT_REMINDER:order:" + order).id)).status);
        assertEquals(0, Events.mailsTo(to).size());

        clock.advance(Duration.ofMinutes(61));
        awaitStatus(m.id, MessageStatus.SENT);
        Events.awaitMails(to, 1);
        MimeMessage mail = Events.mailsTo(to).get(0);
        String body = mail.getContent().toString();
        assertTrue(body.contains("на сумму 5 215,50 ₽ ещё не оплачен"), body);
        assertTrue(body.contains("https://pay.example/p/0b9f6c1e"), body);
    }

    @Test
    void R21_aTemporarilyFailingProviderIsRetriedThenFailedAfterTheCap() throws Exception {
        String customer = id();
        Events.sendConsent(Events.consent(customer, "VK", null, null, null, "VK", "temp-99:" + id()));
        String order = id();
        awaitCustomer(customer);
        ObjectNode overdue = Events.example("OrderPaymentOverdue");
        overdue.put("orderId", order);
        overdue.put("customerId", customer);
        send("order-events", order, "order", "OrderPaymentOverdue", id(), overdue);

        MessageLog m = awaitStatus(awaitMessage("PAYMENT_REMINDER:order:" + order).id, MessageStatus.FAILED);
        assertEquals("ATTEMPTS_EXHAUSTED", m.reason);
        assertEquals(3, m.attempts, "the configured cap (test profile: 3)");
        assertEquals(3, vk.calls(m.id));
        assertEquals("429 too many requests", m.lastError);
        List<ConsumerRecord<String, String>> failed = Events.published("MessageFailed", m.id.toString(), 1, Duration.ofSeconds(10));
        assertEquals(1, failed.size());
        assertValid("MessageFailed.v1", failed.get(0));
        JsonPath history = given().auth().oauth2(HEAD).get("/messages/{id}", m.id).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("QUEUED", "QUEUED", "SENDING", "QUEUED", "SENDING", "QUEUED", "SENDING", "FAILED"),
                history.getList("history.status"));
    }

    @Test
    void R21_aProviderThatRecoversSendsOnTheRetryAndARefusalFailsAtOnce() throws Exception {
        String recovering = id();
        Events.sendConsent(Events.consent(recovering, "VK", null, null, null, "VK", "temp-1:" + id()));
        String refused = id();
        Events.sendConsent(Events.consent(refused, "VK", null, null, null, "VK", "perm:" + id()));
        String order1 = id();
        String order2 = id();
        awaitCustomer(recovering);
        awaitCustomer(refused);
        for (String[] p : new String[][] { { order1, recovering }, { order2, refused } }) {
            ObjectNode overdue = Events.example("OrderPaymentOverdue");
            overdue.put("orderId", p[0]);
            overdue.put("customerId", p[1]);
            send("order-events", p[0], "order", "OrderPaymentOverdue", id(), overdue);
        }
        MessageLog ok = awaitStatus(awaitMessage("PAYMENT_REMINDER:order:" + order1).id, MessageStatus.SENT);
        assertEquals(2, ok.attempts);
        assertEquals("vk-" + ok.id, ok.providerMessageId);
        MessageLog no = awaitStatus(awaitMessage("PAYMENT_REMINDER:order:" + order2).id, MessageStatus.FAILED);
        assertEquals("PROVIDER_REJECTED", no.reason);
        assertEquals(1, no.attempts);
    }

    @Test
    void R21_aChannelWithoutAProviderFailsWithNoProvider() throws Exception {
        String customer = id();
        Events.sendConsent(Events.consent(customer, "WHATSAPP", null, null, null, "WHATSAPP", "+79123456789"));
        String order = id();
        awaitCustomer(customer);
        ObjectNode overdue = Events.example("OrderPaymentOverdue");
        overdue.put("orderId", order);
        overdue.put("customerId", customer);
        send("order-events", order, "order", "OrderPaymentOverdue", id(), overdue);
        MessageLog m = awaitStatus(awaitMessage("PAYMENT_REMINDER:order:" + order).id, MessageStatus.FAILED);
        assertEquals("NO_PROVIDER", m.reason);
        assertEquals("WHATSAPP", m.channel);
    }
}
