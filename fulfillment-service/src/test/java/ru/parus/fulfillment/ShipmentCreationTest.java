package ru.parus.fulfillment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.parus.fulfillment.Fixtures.*;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import ru.parus.infra.test.TestKafka;

/** R12: order events become exactly one shipment per order, when the order may be shipped. */
@QuarkusTest
class ShipmentCreationTest {
    @Inject
    EntityManager em;

    @Test
    void R12_cashOnDeliveryOrderIsShippedAtOnceWithEverythingTheWarehouseNeeds() throws Exception {
        UUID orderId = UUID.randomUUID();
        ObjectNode order = codOrder(orderId);
        order.put("packagingNotes", "Хрупкое");
        String shipmentId = shipped(order);

        List<ConsumerRecord<String, String>> created = published(orderId, "ShipmentCreated", 1, Duration.ofSeconds(15));
        assertEquals(1, created.size());
        assertEquals(orderId.toString(), TestKafka.header(created.get(0), "ce_subject"));
        JsonNode e = json(created.get(0).value());
        assertEquals(shipmentId, e.get("shipmentId").asText());
        assertEquals("COURIER", e.get("deliveryMethod").asText());
        assertEquals("PARUS-COURIER", e.at("/carrier/code").asText());
        assertEquals("Анна Смирнова", e.at("/recipient/name").asText());
        assertEquals("ул. Малышева", e.at("/delivery/address/street").asText());
        assertEquals("2026-11-29", e.at("/delivery/date").asText());
        assertEquals("10:00", e.at("/delivery/windowFrom").asText());
        assertEquals("Хрупкое", e.get("packagingNotes").asText());
        assertEquals(2, e.get("lines").size());
        assertEquals("WHEY-CHOC-900", e.at("/lines/0/sku").asText());
        assertEquals("шоколад, 900 г", e.at("/lines/0/variant").asText());
        assertEquals(2, e.at("/lines/0/quantity").asInt());
        assertEquals(521550, e.get("cashOnDeliveryKopecks").asLong());
        assertEquals(521550, e.get("declaredValueKopecks").asLong());

        given().auth().oauth2(MANAGER).get("/shipments/{id}", shipmentId).then().statusCode(200)
                .body("status", equalTo("CREATED")).body("orderId", equalTo(orderId.toString()))
                .body("carrierName", equalTo("Курьерская служба «Парус»"));
    }

    @Test
    void R12_theSameOrderEventsDeliveredTwiceMakeOneShipment() throws Exception {
        UUID orderId = UUID.randomUUID();
        ObjectNode order = codOrder(orderId);
        String eventId = UUID.randomUUID().toString();
        send(CONFIRMED, orderId, order.toString(), eventId);
        send(CONFIRMED, orderId, order.toString(), eventId);
        String replayed = send(CONFIRMED, orderId, order); // the same fact under another event id
        awaitProcessed(em, eventId, replayed);
        assertEquals(1, shipmentCount(em, orderId));
        assertEquals(1, published(orderId, "ShipmentCreated", 2, Duration.ofSeconds(4)).size());
    }

    @Test
    void R12_prepaidOrderIsShippedOnlyWhenPaid() throws Exception {
        UUID orderId = UUID.randomUUID();
        String confirmed = send(CONFIRMED, orderId, prepaidPickupOrder(orderId));
        awaitProcessed(em, confirmed);
        assertEquals(0, shipmentCount(em, orderId), "no shipment before OrderPaid");

        long sentAt = System.currentTimeMillis();
        send(PAID, orderId, example("OrderPaid.v1", orderId));
        List<ConsumerRecord<String, String>> created = published(orderId, "ShipmentCreated", 1, Duration.ofSeconds(15));
        assertEquals(1, created.size());
        // the issue asks for this number: OrderPaid on the topic -> ShipmentCreated on the topic
        System.out.printf("MEASURE OrderPaid -> ShipmentCreated on the topic: %d ms%n", created.get(0).timestamp() - sentAt);
        JsonNode e = json(created.get(0).value());
        assertEquals("CDEK-EKB-117", e.at("/delivery/pickupPointId").asText());
        assertEquals(0, e.get("cashOnDeliveryKopecks").asLong());
        assertEquals("CDEK", e.at("/carrier/code").asText());
    }

    @Test
    void R12_paymentBeforeConfirmationAfterAReplayStillShipsOnce() throws Exception {
        UUID orderId = UUID.randomUUID();
        String paid = send(PAID, orderId, example("OrderPaid.v1", orderId));
        awaitProcessed(em, paid);
        assertEquals(0, shipmentCount(em, orderId), "payment alone ships nothing");
        String first = send(CONFIRMED, orderId, prepaidPickupOrder(orderId));
        String paidAgain = send(PAID, orderId, example("OrderPaid.v1", orderId));
        String second = send(CONFIRMED, orderId, prepaidPickupOrder(orderId));
        awaitProcessed(em, first, paidAgain, second);
        assertEquals(1, shipmentCount(em, orderId));
        assertEquals(1, published(orderId, "ShipmentCreated", 2, Duration.ofSeconds(4)).size());
    }

    @Test
    void R12_anOrderCancelledBeforeItsConfirmationArrivesIsNeverShipped() throws Exception {
        UUID orderId = UUID.randomUUID();
        String cancelled = send(CANCELLED, orderId, example("OrderCancelled.v1", orderId));
        String confirmed = send(CONFIRMED, orderId, codOrder(orderId));
        awaitProcessed(em, cancelled, confirmed);
        assertEquals(0, shipmentCount(em, orderId));
    }

    @Test
    void cancellingAnOrderInTheWarehouseCancelsItsShipment() throws Exception {
        UUID orderId = UUID.randomUUID();
        String shipmentId = shipped(codOrder(orderId));
        report(shipmentId, packed("c-pack-" + orderId)).statusCode(200);
        send(CANCELLED, orderId, example("OrderCancelled.v1", orderId));

        List<ConsumerRecord<String, String>> cancelled = published(orderId, "ShipmentCancelled", 1, Duration.ofSeconds(15));
        assertEquals(1, cancelled.size());
        JsonNode e = json(cancelled.get(0).value());
        assertEquals(shipmentId, e.get("shipmentId").asText());
        assertEquals("PACKED", e.get("previousStatus").asText());
        assertEquals("Клиент передумал", e.get("reason").asText());
        given().auth().oauth2(WAREHOUSE).get("/shipments/{id}", shipmentId).then()
                .body("status", equalTo("CANCELLED")).body("cancelledAt", notNullValue());
        // the warehouse cannot go on with a cancelled shipment
        report(shipmentId, Map.of("reportId", "c-hand-" + orderId, "kind", "HANDED_TO_CARRIER", "trackingNumber",
                "PC-12345678")).statusCode(409).body("currentStatus", equalTo("CANCELLED"));
    }

    @Test
    void cancellingAnOrderAfterHandOverStartsAReturn() throws Exception {
        UUID orderId = UUID.randomUUID();
        String shipmentId = shipped(codOrder(orderId));
        report(shipmentId, packed("r-pack-" + orderId)).statusCode(200);
        report(shipmentId, Map.of("reportId", "r-hand-" + orderId, "kind", "HANDED_TO_CARRIER", "trackingNumber",
                "PC-12345678")).statusCode(200);
        String cancelled = send(CANCELLED, orderId, example("OrderCancelled.v1", orderId));
        awaitProcessed(em, cancelled);

        given().auth().oauth2(WAREHOUSE).get("/shipments/{id}", shipmentId).then()
                .body("status", equalTo("HANDED_TO_CARRIER"))
                .body("returnRequestedAt", notNullValue())
                .body("cancellationReason", equalTo("Клиент передумал"))
                .body("cancelledAt", nullValue());
        List<ConsumerRecord<String, String>> returns = published(orderId, "ShipmentReturnRequested", 2,
                Duration.ofSeconds(5));
        assertEquals(1, returns.size(), "one return requested");
        assertTrue(returns.get(0).value().contains("\"trackingNumber\":\"PC-12345678\""), returns.get(0).value());
        assertTrue(published(orderId, "ShipmentCancelled", 1, Duration.ofSeconds(1)).isEmpty());

        // the carrier brings it back: the return ends the shipment
        report(shipmentId, Map.of("reportId", "r-ret-" + orderId, "kind", "RETURNED")).statusCode(200);
        given().auth().oauth2(WAREHOUSE).get("/shipments/{id}", shipmentId).then().body("status", equalTo("RETURNED"));
    }

    @Test
    void poisonOrderEventsGoToTheDeadLetterTopicAndTheChannelGoesOn() throws Exception {
        UUID orderId = UUID.randomUUID();
        String notJson = "poison-" + UUID.randomUUID();
        send(CONFIRMED, orderId, notJson, UUID.randomUUID().toString());
        String incomplete = UUID.randomUUID().toString();
        send(CONFIRMED, orderId, "{\"orderId\":\"" + orderId + "\"}", incomplete);
        String badPaid = UUID.randomUUID().toString();
        send(PAID, orderId, "{\"orderId\":\"not-a-uuid\",\"paidAt\":\"2026-11-27T10:05:00Z\"}", badPaid);
        shipped(codOrder(orderId));

        List<ConsumerRecord<String, String>> dead = TestKafka.awaitRecords("order-events.fulfillment-service.dlq",
                r -> notJson.equals(r.value()) || incomplete.equals(TestKafka.header(r, "ce_id"))
                        || badPaid.equals(TestKafka.header(r, "ce_id")),
                3, Duration.ofSeconds(15));
        assertEquals(3, dead.size(), "the three poison records in the dead-letter topic");
        await().atMost(Duration.ofSeconds(5)).until(() -> shipmentCount(em, orderId) == 1);
    }
}
