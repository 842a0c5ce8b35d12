package ru.parus.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.parus.notification.Events.id;
import static ru.parus.notification.Events.send;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ru.parus.infra.test.TestInfra;
import ru.parus.notification.config.NotificationConfig;
import ru.parus.notification.domain.MessageLog;
import ru.parus.notification.domain.MessageStatus;
import ru.parus.notification.repository.MessageLogRepository;
import ru.parus.platform.testing.SettableClock;

/** The pipeline's paths beyond the happy one: a crash mid-send, merges, an order that comes late, payment, contacts. */
@QuarkusTest
class PipelinePathsTest {
    static final String HEAD = TestInfra.token("head-1", "HEAD");

    @Inject
    MessageLogRepository messages;
    @Inject
    SettableClock clock;
    @Inject
    FlakyVkChannel vk;
    @Inject
    NotificationConfig config;

    MessageLog awaitMessage(String cause) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> QuarkusTransaction.requiringNew().call(() -> messages.byCause(cause)), m -> m != null);
    }

    MessageLog awaitStatus(UUID id, MessageStatus status) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> QuarkusTransaction.requiringNew().call(() -> messages.findById(id)),
                m -> m != null && status == m.status);
    }

    MessageLog load(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> messages.findById(id));
    }

    int count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = messages.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return ((Number) q.getSingleResult()).intValue();
        });
    }

    void awaitCustomer(String customerId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> count(
                "SELECT count(*) FROM customer_reachability WHERE customer_id = ?1 AND consent_version >= 0",
                UUID.fromString(customerId)) == 1);
    }

    void awaitConsumed(String eventId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) FROM inbox WHERE event_id = ?1", eventId) == 1);
    }

    static String email() {
        return "p" + id().substring(0, 8) + "@example.org";
    }

    static void overdue(String order, String customer) throws Exception {
        ObjectNode e = Events.example("OrderPaymentOverdue");
        e.put("orderId", order);
        e.put("customerId", customer);
        send("order-events", order, "order", "OrderPaymentOverdue", id(), e);
    }

    @Test
    void R21_aMessageLeftSendingByACrashIsResentOnceAfterSendingStaleAfterWithTheSameId() throws Exception {
        // the state a process leaves when it dies after marking the row SENDING and before the provider answered
        UUID messageId = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        QuarkusTransaction.requiringNew().run(() -> messages.getEntityManager().createNativeQuery("""
                INSERT INTO message_log (id, customer_id, channel, status, kind, cause, address, body, template_version,
                                         attempts, not_before, sending_since, created_at, updated_at, version)
                VALUES (?1, ?2, 'VK', 'SENDING', 'FREE_TEXT', ?3, ?4, 'Здравствуйте!', 'FREE_TEXT/default@x',
                        1, ?5, ?5, ?5, ?5, 0)""")
                .setParameter(1, messageId).setParameter(2, customer).setParameter(3, "MANUAL:crash:" + messageId)
                .setParameter(4, "ok:" + id()).setParameter(5, now.minusSeconds(30)).executeUpdate());

        Thread.sleep(1500); // several dispatcher rounds: a SENDING row younger than sending-stale-after is left alone
        assertEquals(MessageStatus.SENDING, load(messageId).status);
        assertEquals(0, vk.calls(messageId));

        clock.advance(config.sendingStaleAfter());
        MessageLog sent = awaitStatus(messageId, MessageStatus.SENT);
        Thread.sleep(1500); // a second send, if one were made, would happen within a few dispatcher rounds
        assertEquals(1, vk.calls(messageId), "sent exactly once after the crash");
        assertEquals("vk-" + messageId, sent.providerMessageId, "the provider got our message id: it can recognise the resend");
        assertEquals(2, sent.attempts);
        assertEquals(MessageStatus.SENT, load(messageId).status);
        JsonPath detail = given().auth().oauth2(HEAD).get("/messages/{id}", messageId).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("QUEUED", "SENDING", "SENT"), detail.getList("history.status"));
        assertTrue(detail.getString("history[0].detail").contains("interrupted send"), detail.prettify());
        List<ConsumerRecord<String, String>> published = Events.published("MessageSent", messageId.toString(), 2, Duration.ofSeconds(5));
        assertEquals(1, published.size(), "one MessageSent");
    }

    @Test
    void R21_CustomersMerged_theMergedIdsMessagesGoToTheSurvivorsConsents() throws Exception {
        String survivor = id();
        String merged = id();
        String to = email();
        Events.sendConsent(Events.consent(survivor, "EMAIL", null, null, null, "EMAIL", to));
        awaitCustomer(survivor);
        String before = id();
        overdue(before, merged);
        MessageLog old = awaitStatus(awaitMessage("PAYMENT_REMINDER:order:" + before).id, MessageStatus.SKIPPED);
        assertEquals("NO_CONSENT", old.reason, "the merged id alone has no consent");

        awaitConsumed(Events.sendMerge(survivor, merged));
        assertEquals(UUID.fromString(survivor), load(old.id).customerId, "the history moves to the survivor");

        String after = id();
        overdue(after, merged);
        MessageLog sent = awaitStatus(awaitMessage("PAYMENT_REMINDER:order:" + after).id, MessageStatus.SENT);
        assertEquals(UUID.fromString(survivor), sent.customerId);
        assertEquals("EMAIL", sent.channel);
        Events.awaitMails(to, 1);
        assertEquals(1, Events.mailsTo(to).size());
    }

    @Test
    void R13_aShipmentEventBeforeItsOrderWaitsThenSendsOnceTheOrderArrives() throws Exception {
        String customer = id();
        String order = id();
        String shipment = id();
        String to = email();
        Events.sendConsent(Events.consent(customer, "EMAIL", null, null, null, "EMAIL", to));
        awaitCustomer(customer);
        send("fulfillment-events", order, "fulfillment", "ShipmentReadyForPickup", id(), Events.readyForPickup(shipment, order));
        MessageLog waiting = awaitStatus(awaitMessage("ORDER_READY:shipment:" + shipment + ":arrived").id, MessageStatus.WAITING_ORDER);
        assertNull(waiting.customerId);
        Thread.sleep(1000);
        assertEquals(MessageStatus.WAITING_ORDER, load(waiting.id).status, "nothing is sent without the order's details");
        assertEquals(0, Events.mailsTo(to).size());

        ObjectNode confirmed = Events.confirmed(order, customer);
        confirmed.put("paymentMethod", "AT_PICKUP_POINT");
        confirmed.put("deliveryMethod", "PICKUP_POINT");
        send("order-events", order, "order", "OrderConfirmed", id(), confirmed);
        MessageLog sent = awaitStatus(waiting.id, MessageStatus.SENT);
        assertEquals(UUID.fromString(customer), sent.customerId);
        Events.awaitMails(to, 1);
        Thread.sleep(1000);
        assertEquals(1, Events.mailsTo(to).size(), "sent once");
        String body = Events.mailsTo(to).get(0).getContent().toString();
        assertTrue(body.contains("прибыл в пункт выдачи CDEK-EKB-117"), body);
    }

    @Test
    void R15_aQueuedPaymentReminderIsSkippedWhenOrderPaidArrives() throws Exception {
        String customer = id();
        String order = id();
        String to = email();
        // quiet hours now, so that the reminder waits in the queue
        ZoneId zone = ZoneId.of("Asia/Yekaterinburg");
        LocalTime local = LocalDateTime.ofInstant(clock.instant(), zone).toLocalTime();
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        Events.sendConsent(Events.consent(customer, "EMAIL", local.minusHours(1).format(hhmm),
                local.plusHours(2).format(hhmm), zone.getId(), "EMAIL", to));
        awaitCustomer(customer);
        overdue(order, customer);
        MessageLog queued = awaitStatus(awaitMessage("PAYMENT_REMINDER:order:" + order).id, MessageStatus.QUEUED);

        ObjectNode paid = Events.example("OrderPaid");
        paid.put("orderId", order);
        paid.put("customerId", customer);
        send("order-events", order, "order", "OrderPaid", id(), paid);
        MessageLog skipped = awaitStatus(queued.id, MessageStatus.SKIPPED);
        assertEquals("ALREADY_PAID", skipped.reason);
        List<ConsumerRecord<String, String>> events = Events.published("MessageSkipped", queued.id.toString(), 1, Duration.ofSeconds(10));
        assertEquals(1, events.size());
        assertTrue(events.get(0).value().contains("ALREADY_PAID"), events.get(0).value());
        clock.advance(Duration.ofHours(3)); // past the quiet hours: still nothing is sent
        Thread.sleep(1000);
        assertEquals(MessageStatus.SKIPPED, load(queued.id).status);
        assertEquals(0, Events.mailsTo(to).size());
    }

    @Test
    void R21_CustomerContactsChanged_aNewerAddressIsUsedAndAnOlderOneIgnored() throws Exception {
        String customer = id();
        String oldAddress = email();
        String newAddress = email();
        String staleAddress = email();
        Events.sendConsent(Events.consent(customer, "EMAIL", null, null, null, "EMAIL", oldAddress)); // version 4
        awaitCustomer(customer);
        ObjectNode contacts = Events.example("CustomerContactsChanged");
        contacts.put("customerId", customer);
        contacts.putArray("emails").add(newAddress);
        contacts.put("version", 7);
        send("customer-events", customer, "customer", "CustomerContactsChanged", id(), contacts);
        ObjectNode stale = contacts.deepCopy();
        stale.putArray("emails").add(staleAddress);
        stale.put("version", 5);
        String staleEvent = id();
        send("customer-events", customer, "customer", "CustomerContactsChanged", staleEvent, stale);
        awaitConsumed(staleEvent);

        String order = id();
        overdue(order, customer);
        MessageLog sent = awaitStatus(awaitMessage("PAYMENT_REMINDER:order:" + order).id, MessageStatus.SENT);
        Events.awaitMails(newAddress, 1);
        assertEquals(newAddress, sent.address);
        assertEquals(0, Events.mailsTo(oldAddress).size());
        assertEquals(0, Events.mailsTo(staleAddress).size());
    }
}
