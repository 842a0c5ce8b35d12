package ru.parus.order;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import ru.parus.infra.test.TestKafka;
import ru.parus.order.domain.Payment;

/** R15: online payments from the provider's signed callback; cash on delivery from fulfilment's events. */
@QuarkusTest
class PaymentTest {
    static final String SECRET = "dev-payment-secret";

    @Inject
    Clock clock;
    @Inject
    ObjectMapper mapper;
    @Inject
    EntityManager em;

    LocalDate tomorrow() {
        return LocalDate.now(clock.withZone(ZoneId.of("Europe/Moscow"))).plusDays(1);
    }

    static String callback(String paymentId, String orderId, long amount) {
        return """
                {"paymentId":"%s","orderId":"%s","status":"SUCCEEDED","amountKopecks":%d,"currency":"RUB",
                 "paidAt":"2026-11-27T10:05:00Z"}""".formatted(paymentId, orderId, amount);
    }

    static ValidatableResponse post(String body, String signature) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (signature != null) {
            request = request.header("X-Payment-Signature", signature);
        }
        return request.post("/payments/callback").then();
    }

    static ValidatableResponse signed(String body) {
        return post(body, Orders.sign(SECRET, body));
    }

    List<Payment> payments(String orderId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select p from Payment p where p.orderId = :o", Payment.class)
                .setParameter("o", UUID.fromString(orderId)).getResultList());
    }

    @Test
    void R15_theProvidersCallbackMarksAnOnlineOrderPaidOnceAndPublishesOrderPaid() throws Exception {
        String id = Orders.confirmedOnlineOrder(tomorrow());
        String paymentId = "pay_" + UUID.randomUUID();
        String body = callback(paymentId, id, 549000);
        signed(body).statusCode(200).body("result", equalTo("PAID"));
        signed(body).statusCode(200).body("result", equalTo("ALREADY_RECORDED"));
        given().auth().oauth2(Orders.MANAGER).get("/orders/{id}", id).then()
                .body("status", equalTo("PAID")).body("paidAt", equalTo("2026-11-27T10:05:00Z"));
        assertEquals(1, payments(id).size());

        List<ConsumerRecord<String, String>> paid = TestKafka.awaitRecords("order-events", r -> id.equals(r.key())
                && "ru.parus.order.OrderPaid.v1".equals(TestKafka.header(r, "ce_type")), 2, Duration.ofSeconds(5));
        assertEquals(1, paid.size(), "one OrderPaid for a repeated callback");
        OrderLifecycleTest.assertValid("OrderPaid.v1", paid.get(0).value());
        JsonNode e = mapper.readTree(paid.get(0).value());
        assertEquals(549000, e.get("amountKopecks").asLong());
        assertEquals("ONLINE", e.get("paymentMethod").asText());
        assertEquals(paymentId, e.get("providerPaymentId").asText());
        given().auth().oauth2(Orders.MANAGER).get("/orders/{id}/history", id).then()
                .body("kind", hasItem("PAYMENT"))
                .body("find { it.toStatus == 'PAID' }.actor", equalTo("payment-provider"));
    }

    @Test
    void R15_aWrongAmountANonOnlineOrderOrAnOrderNotAwaitingPaymentIsRefused() {
        String online = Orders.confirmedOnlineOrder(tomorrow());
        signed(callback("pay_" + UUID.randomUUID(), online, 548999)).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:unprocessable"))
                .body("payableKopecks", equalTo(549000));

        String cash = Orders.placePhoneOrder();
        Orders.agree(cash, Orders.courierCash(tomorrow())).statusCode(200);
        Orders.confirm(cash).statusCode(200);
        signed(callback("pay_" + UUID.randomUUID(), cash, 549000)).statusCode(422)
                .body("paymentMethod", equalTo("CASH_TO_COURIER"));

        String unconfirmed = Orders.placePhoneOrder();
        Orders.agree(unconfirmed, Orders.online(tomorrow())).statusCode(200);
        signed(callback("pay_" + UUID.randomUUID(), unconfirmed, 549000)).statusCode(409)
                .body("type", equalTo("urn:parus:problem:conflict"))
                .body("currentStatus", equalTo("NEW"));

        signed(callback("pay_" + UUID.randomUUID(), UUID.randomUUID().toString(), 549000)).statusCode(404);
        assertEquals(0, payments(online).size() + payments(cash).size() + payments(unconfirmed).size());
    }

    @Test
    void R15_anUnsignedOrMalformedCallbackIsAProblem() {
        String id = Orders.confirmedOnlineOrder(tomorrow());
        String body = callback("pay_" + UUID.randomUUID(), id, 549000);
        for (String signature : new String[] { null, Orders.sign("not-the-secret", body) }) {
            post(body, signature).statusCode(401).body("type", equalTo("urn:parus:problem:unauthorized"))
                    .body("title", containsString("X-Payment-Signature"))
                    .body("credential.name", equalTo("X-Payment-Signature"));
        }
        String invalid = "{\"paymentId\":\"\",\"orderId\":\"%s\",\"status\":\"SUCCEEDED\",\"amountKopecks\":-1}".formatted(id);
        signed(invalid).statusCode(400).body("type", equalTo("urn:parus:problem:validation"))
                .body("errors.field", hasItem("paymentId"))
                .body("errors.field", hasItem("amountKopecks"))
                .body("errors.field", hasItem("currency"));
        String notUuid = callback("pay_1", "nope", 1);
        signed(notUuid).statusCode(400).body("type", equalTo("urn:parus:problem:malformed-request"));
        signed(callback("pay_" + UUID.randomUUID(), id, 549000).replace("SUCCEEDED", "FAILED")).statusCode(200)
                .body("result", equalTo("IGNORED"));
        given().auth().oauth2(Orders.MANAGER).get("/orders/{id}", id).then().body("status", equalTo("AWAITING_PAYMENT"));
    }

    static String shipmentDelivered(String shipmentId, String orderId, long cash) {
        return """
                {"shipmentId":"%s","orderId":"%s","deliveredAt":"2026-11-29T12:30:00Z","cashCollectedKopecks":%d}"""
                .formatted(shipmentId, orderId, cash);
    }

    @Test
    void R15_cashCollectedOnDeliveryIsRecordedOnceAsAPaymentWithOrderPaid() throws Exception {
        String id = Orders.placePhoneOrder();
        Orders.agree(id, Orders.courierCash(tomorrow())).statusCode(200);
        Orders.confirm(id).statusCode(200);
        String type = "ru.parus.fulfillment.ShipmentDelivered.v1";
        String shipment = "SHP-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        // no cash, no payment; sent first with the same key, so it is consumed before the ones awaited below
        String other = Orders.placePhoneOrder();
        TestKafka.send("fulfillment-events", shipment, shipmentDelivered("SHP-" + UUID.randomUUID(), other, 0),
                TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), type));
        String payload = shipmentDelivered(shipment, id, 549000);
        TestKafka.send("fulfillment-events", shipment, payload, TestKafka.cloudEventHeaders(eventId, type));
        TestKafka.send("fulfillment-events", shipment, payload, TestKafka.cloudEventHeaders(eventId, type));
        // another event about the same shipment (a fulfilment retry with a new id) records nothing more
        TestKafka.send("fulfillment-events", shipment, payload, TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), type));
        await().atMost(Duration.ofSeconds(15)).until(() -> payments(id).size() == 1);
        Payment p = payments(id).get(0);
        assertEquals(549000, p.amountKopecks);
        assertEquals(shipment, p.shipmentId);
        List<ConsumerRecord<String, String>> paid = TestKafka.awaitRecords("order-events", r -> id.equals(r.key())
                && "ru.parus.order.OrderPaid.v1".equals(TestKafka.header(r, "ce_type")), 2, Duration.ofSeconds(5));
        assertEquals(1, paid.size());
        OrderLifecycleTest.assertValid("OrderPaid.v1", paid.get(0).value());
        JsonNode e = mapper.readTree(paid.get(0).value());
        assertEquals("CASH_TO_COURIER", e.get("paymentMethod").asText());
        assertEquals("2026-11-29T12:30:00Z", e.get("paidAt").asText());
        assertEquals(0, payments(other).size());
    }

    @Test
    void R15_aShipmentDeliveredWithoutItsFieldsGoesToTheDeadLetterTopic() {
        String type = "ru.parus.fulfillment.ShipmentDelivered.v1";
        String eventId = UUID.randomUUID().toString();
        String id = Orders.placePhoneOrder();
        String noCash = "{\"shipmentId\":\"SHP-x\",\"orderId\":\"%s\",\"deliveredAt\":\"2026-11-29T12:30:00Z\"}".formatted(id);
        try {
            TestKafka.send("fulfillment-events", "poison", noCash, TestKafka.cloudEventHeaders(eventId, type));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertEquals(1, TestKafka.awaitRecords("fulfillment-events.order-service.dlq",
                r -> eventId.equals(TestKafka.header(r, "ce_id")), 1, Duration.ofSeconds(15)).size());
        assertEquals(0, payments(id).size());
    }
}
