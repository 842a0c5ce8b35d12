package ru.parus.notification;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.parus.infra.test.TestInfra;
import ru.parus.infra.test.TestKafka;
import ru.parus.platform.testing.EventSchemas;

/** Test input built from the producers' schema examples, sent to the real broker as the other services would. */
final class Events {
    static final ObjectMapper JSON = new ObjectMapper();

    private Events() {
    }

    static ObjectNode example(String name) {
        return EventSchemas.example(name + ".v1");
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    /** Sends {@code payload}; checks first that it still obeys the producer's schema. */
    static void send(String topic, String key, String context, String name, String eventId, ObjectNode payload)
            throws Exception {
        TestKafka.send(topic, key, EventSchemas.checked(name + ".v1", payload),
                TestKafka.cloudEventHeaders(eventId, "ru.parus." + context + "." + name + ".v1"));
    }

    /** A customer who consented to the given channels (no quiet hours unless given), with these addresses. */
    static ObjectNode consent(String customerId, String preferred, String quietFrom, String quietTo, String zone,
            String... channelAddressPairs) {
        ObjectNode e = example("CustomerConsentChanged");
        e.put("customerId", customerId);
        var consents = e.putArray("consents");
        var addresses = e.putObject("addresses");
        for (int i = 0; i < channelAddressPairs.length; i += 2) {
            consents.addObject().put("channel", channelAddressPairs[i]).put("granted", true)
                    .put("changedAt", "2026-11-27T10:05:00Z").put("method", "CALL");
            addresses.put(channelAddressPairs[i], channelAddressPairs[i + 1]);
        }
        if (preferred == null) {
            e.putNull("preferredChannel");
        } else {
            e.put("preferredChannel", preferred);
        }
        if (quietFrom == null) {
            e.putNull("quietHours");
        } else {
            e.putObject("quietHours").put("from", quietFrom).put("to", quietTo);
        }
        e.put("timeZone", zone == null ? "Asia/Yekaterinburg" : zone);
        return e;
    }

    /** CustomerRegistered of the schema's example for this customer and owner manager (R24). */
    static void sendRegistered(String customerId, String ownerManagerId) throws Exception {
        ObjectNode e = example("CustomerRegistered");
        e.put("customerId", customerId);
        e.put("ownerManagerId", ownerManagerId);
        send("customer-events", customerId, "customer", "CustomerRegistered", id(), e);
    }

    static void sendConsent(ObjectNode consent) throws Exception {
        String customerId = consent.get("customerId").asText();
        send("customer-events", customerId, "customer", "CustomerConsentChanged", id(), consent);
    }

    /** CustomersMerged (R24): {@code merged} is now {@code survivor}; returns the event's id. */
    static String sendMerge(String survivor, String merged) throws Exception {
        ObjectNode m = example("CustomersMerged");
        m.put("survivingCustomerId", survivor);
        m.put("mergedCustomerId", merged);
        String eventId = id();
        send("customer-events", survivor, "customer", "CustomersMerged", eventId, m);
        return eventId;
    }

    /** OrderConfirmed of the schema's example for this order and customer. */
    static ObjectNode confirmed(String orderId, String customerId) {
        ObjectNode e = example("OrderConfirmed");
        e.put("orderId", orderId);
        e.put("customerId", customerId);
        return e;
    }

    /** ReplenishmentDue of the schema's example for this customer and order line. */
    static ObjectNode replenishmentDue(String customer, String order, long line, String contactFirst) {
        ObjectNode e = example("ReplenishmentDue");
        e.put("customerId", customer);
        e.put("orderId", order);
        e.put("orderLineId", line);
        e.put("contactFirst", contactFirst);
        return e;
    }

    /** BonusPointsExpiring of the schema's example for this customer and earning order (null: none). */
    static ObjectNode bonusPointsExpiring(String customer, String earnedOrder) {
        ObjectNode e = example("BonusPointsExpiring");
        e.put("customerId", customer);
        e.put("earnedOrderId", earnedOrder);
        return e;
    }

    static ObjectNode readyForPickup(String shipmentId, String orderId) {
        ObjectNode e = example("ShipmentReadyForPickup");
        e.put("shipmentId", shipmentId);
        e.put("orderId", orderId);
        return e;
    }

    static List<ConsumerRecord<String, String>> published(String type, String messageId, int atLeast, Duration wait) {
        return TestKafka.awaitRecords("notification-events",
                r -> ("ru.parus.notification." + type + ".v1").equals(TestKafka.header(r, "ce_type"))
                        && r.value().contains(messageId),
                atLeast, wait);
    }

    /** Mails in the test GreenMail server addressed to {@code to}. */
    static List<MimeMessage> mailsTo(String to) {
        return TestInfra.receivedMails().stream().filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(to));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static void awaitMails(String to, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(to).size() >= count);
    }
}
