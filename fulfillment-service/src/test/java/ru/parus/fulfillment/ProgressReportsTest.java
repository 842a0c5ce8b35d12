package ru.parus.fulfillment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static ru.parus.fulfillment.Fixtures.*;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** R12, R13: the warehouse's and carriers' reports drive a shipment and its events; bad or repeated ones are safe. */
@QuarkusTest
class ProgressReportsTest {

    @Test
    void R13_courierShipmentGoesFromPackedToDeliveredWithCashCollected() throws Exception {
        UUID orderId = UUID.randomUUID();
        String id = shipped(codOrder(orderId));
        report(id, Map.of("reportId", "pick-" + orderId, "kind", "PICKED")).statusCode(200)
                .body("outcome", equalTo("APPLIED")).body("shipment.status", equalTo("PICKED"));
        report(id, packed("pack-" + orderId)).statusCode(200).body("shipment.status", equalTo("PACKED"))
                .body("shipment.parcels", equalTo(2));
        report(id, Map.of("reportId", "hand-" + orderId, "kind", "HANDED_TO_CARRIER", "trackingNumber", "PC-12345678"))
                .statusCode(200).body("shipment.trackingNumber", equalTo("PC-12345678"));
        report(id, Map.of("reportId", "dlv-" + orderId, "kind", "DELIVERED", "occurredAt", "2026-11-27T05:20:00+05:00",
                "cashCollectedKopecks", 521550)).statusCode(200).body("shipment.status", equalTo("DELIVERED"))
                .body("shipment.cashCollectedKopecks", equalTo(521550));

        JsonNode packedEvent = json(published(orderId, "ShipmentPacked", 1, Duration.ofSeconds(15)).get(0).value());
        assertEquals(2150, packedEvent.get("weightGrams").asInt());
        assertEquals(2, packedEvent.get("parcels").asInt());
        JsonNode handed = json(published(orderId, "ShipmentHandedToCarrier", 1, Duration.ofSeconds(15)).get(0).value());
        assertEquals("PC-12345678", handed.get("trackingNumber").asText());
        assertEquals("PARUS-COURIER", handed.at("/carrier/code").asText());
        JsonNode delivered = json(published(orderId, "ShipmentDelivered", 1, Duration.ofSeconds(15)).get(0).value());
        // the contract order-service records cash payments from
        assertEquals(id, delivered.get("shipmentId").asText());
        assertEquals(orderId.toString(), delivered.get("orderId").asText());
        assertEquals(521550, delivered.get("cashCollectedKopecks").asLong());
        assertEquals("2026-11-27T00:20:00Z", java.time.OffsetDateTime.parse(delivered.get("deliveredAt").asText())
                .toInstant().toString());
    }

    @Test
    void R13_prepaidPickupShipmentIsReadyForPickupThenDeliveredWithNoCash() throws Exception {
        UUID orderId = UUID.randomUUID();
        send(CONFIRMED, orderId, prepaidPickupOrder(orderId));
        send(PAID, orderId, example("OrderPaid.v1", orderId));
        String id = awaitShipment(orderId);
        report(id, packed("p-pack-" + orderId)).statusCode(200);
        report(id, Map.of("reportId", "p-hand-" + orderId, "kind", "HANDED_TO_CARRIER", "trackingNumber", "1234567890"))
                .statusCode(200);
        report(id, Map.of("reportId", "p-arr-" + orderId, "kind", "ARRIVED")).statusCode(200)
                .body("shipment.status", equalTo("READY_FOR_PICKUP"));
        report(id, Map.of("reportId", "p-cash-" + orderId, "kind", "DELIVERED", "cashCollectedKopecks", 100))
                .statusCode(400).body("errors.field", hasItem("cashCollectedKopecks"));
        report(id, Map.of("reportId", "p-dlv-" + orderId, "kind", "DELIVERED")).statusCode(200)
                .body("shipment.cashCollectedKopecks", equalTo(0));

        JsonNode ready = json(published(orderId, "ShipmentReadyForPickup", 1, Duration.ofSeconds(15)).get(0).value());
        assertEquals("CDEK-EKB-117", ready.get("pickupPointId").asText());
        assertEquals("1234567890", ready.get("trackingNumber").asText());
        JsonNode delivered = json(published(orderId, "ShipmentDelivered", 1, Duration.ofSeconds(15)).get(0).value());
        assertEquals(0, delivered.get("cashCollectedKopecks").asLong());
    }

    @Test
    void aReturnedParcelIsReportedAndPublished() throws Exception {
        UUID orderId = UUID.randomUUID();
        String id = shipped(postOrder(orderId));
        report(id, packed("ret-pack-" + orderId)).statusCode(200);
        report(id, Map.of("reportId", "ret-hand-" + orderId, "kind", "HANDED_TO_CARRIER", "trackingNumber",
                "62001412345678")).statusCode(200);
        report(id, Map.of("reportId", "ret-" + orderId, "kind", "RETURNED", "reason", "Не востребовано")).statusCode(200)
                .body("shipment.status", equalTo("RETURNED"));
        report(id, Map.of("reportId", "ret-dlv-" + orderId, "kind", "DELIVERED", "cashCollectedKopecks", 521550))
                .statusCode(409).body("currentStatus", equalTo("RETURNED"));
        JsonNode returned = json(published(orderId, "ShipmentReturned", 1, Duration.ofSeconds(15)).get(0).value());
        assertEquals("Не востребовано", returned.get("reason").asText());
    }

    @Test
    void R12_aRepeatedReportHasOneEffectAndALateOneChangesNothing() throws Exception {
        UUID orderId = UUID.randomUUID();
        String id = shipped(codOrder(orderId));
        report(id, packed("rep-pack-" + orderId)).statusCode(200).body("repeated", equalTo(false));
        report(id, packed("rep-pack-" + orderId)).statusCode(200).body("repeated", equalTo(true))
                .body("outcome", equalTo("APPLIED"));
        // picked arrives after packed: acknowledged, the shipment stays packed
        report(id, Map.of("reportId", "rep-pick-" + orderId, "kind", "PICKED")).statusCode(200)
                .body("outcome", equalTo("STALE")).body("shipment.status", equalTo("PACKED"));
        // the same step again under a new id: no second event
        report(id, packed("rep-pack2-" + orderId)).statusCode(200).body("outcome", equalTo("STALE"));
        // a report id reused for another kind of report
        report(id, Map.of("reportId", "rep-pick-" + orderId, "kind", "ARRIVED")).statusCode(422)
                .body("type", equalTo("urn:parus:problem:unprocessable"));
        List<ConsumerRecord<String, String>> packed = published(orderId, "ShipmentPacked", 3, Duration.ofSeconds(5));
        assertEquals(1, packed.size(), "one ShipmentPacked for three packed reports");
    }

    @Test
    void R12_theSameReportSentConcurrentlyIsAppliedOnce() throws Exception {
        UUID orderId = UUID.randomUUID();
        String id = shipped(codOrder(orderId));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Boolean>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> report(id, packed("conc-" + orderId)).statusCode(200)
                        .extract().jsonPath().getBoolean("repeated")));
            }
            int first = 0;
            for (var answer : answers) {
                first += answer.get() ? 0 : 1;
            }
            assertEquals(1, first, "exactly one of the six copies is the first");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, published(orderId, "ShipmentPacked", 2, Duration.ofSeconds(4)).size());
        given().auth().oauth2(WAREHOUSE).get("/shipments/{id}", id).then().body("status", equalTo("PACKED"))
                .body("version", equalTo(1));
    }

    @Test
    void R12_anImpossibleReportIsAConflictNamingTheCurrentStatus() throws Exception {
        UUID orderId = UUID.randomUUID();
        String id = shipped(codOrder(orderId));
        report(id, Map.of("reportId", "imp-dlv-" + orderId, "kind", "DELIVERED", "cashCollectedKopecks", 521550))
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:conflict")).body("currentStatus", equalTo("CREATED"));
        report(id, Map.of("reportId", "imp-hand-" + orderId, "kind", "HANDED_TO_CARRIER", "trackingNumber",
                "PC-12345678")).statusCode(409).body("currentStatus", equalTo("CREATED"));
        report(id, packed("imp-pack-" + orderId)).statusCode(200);
        report(id, Map.of("reportId", "imp-hand2-" + orderId, "kind", "HANDED_TO_CARRIER", "trackingNumber",
                "PC-12345678")).statusCode(200);
        // a courier has no pickup point to arrive at
        report(id, Map.of("reportId", "imp-arr-" + orderId, "kind", "ARRIVED")).statusCode(409)
                .body("currentStatus", equalTo("HANDED_TO_CARRIER"));
        // a refused report is not recorded: the same id is judged again once it is possible
        report(id, Map.of("reportId", "imp-dlv-" + orderId, "kind", "DELIVERED", "cashCollectedKopecks", 521550))
                .statusCode(200).body("outcome", equalTo("APPLIED"));
    }

    @Test
    void R12_trackingNumbersMustHaveTheCarriersFormat() throws Exception {
        UUID orderId = UUID.randomUUID();
        String id = shipped(postOrder(orderId));
        report(id, packed("trk-pack-" + orderId)).statusCode(200);
        for (String bad : new String[] { "RA123456784RU", "6200141234567", "PC-12345678", "" }) {
            report(id, Map.of("reportId", "trk-" + UUID.randomUUID(), "kind", "HANDED_TO_CARRIER", "trackingNumber", bad))
                    .statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:parus:problem:validation"))
                    .body("errors.field", hasItem("trackingNumber"));
        }
        report(id, Map.of("reportId", "trk-ok-" + orderId, "kind", "HANDED_TO_CARRIER", "trackingNumber", "RA123456785RU"))
                .statusCode(200).body("shipment.carrierCode", equalTo("RUSSIAN-POST"));
    }

    @Test
    void badReportsAnswerProblems() throws Exception {
        UUID orderId = UUID.randomUUID();
        String id = shipped(codOrder(orderId));
        report(id, Map.of("kind", "PICKED")).statusCode(400).body("type", equalTo("urn:parus:problem:validation"));
        report(id, Map.of("reportId", "bad kind", "kind", "PICKED")).statusCode(400);
        report(id, Map.of("reportId", "bad-" + orderId, "kind", "TELEPORTED")).statusCode(400)
                .contentType("application/problem+json");
        report(id, Map.of("reportId", "bad-" + orderId)).statusCode(400);
        Map<String, Object> noWeight = new HashMap<>(packed("bad-w-" + orderId));
        noWeight.remove("weightGrams");
        report(id, noWeight).statusCode(400).body("errors.field", hasItem("weightGrams"));
        Map<String, Object> negative = new HashMap<>(packed("bad-n-" + orderId));
        negative.put("parcels", 0);
        report(id, negative).statusCode(400).body("errors.field", hasItem("parcels"));
        report(id, Map.of("reportId", "bad-t-" + orderId, "kind", "PICKED", "occurredAt", "yesterday")).statusCode(400);
        report(id, Map.of("reportId", "bad-f-" + orderId, "kind", "PICKED", "occurredAt", "2999-01-01T00:00:00Z"))
                .statusCode(400).body("errors.field", hasItem("occurredAt"));
        given().auth().oauth2(WAREHOUSE).contentType(ContentType.JSON).body("{not json")
                .post("/shipments/{id}/reports", id).then().statusCode(400).contentType("application/problem+json");
        report(UUID.randomUUID().toString(), Map.of("reportId", "bad-404-" + orderId, "kind", "PICKED")).statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(Map.of("reportId", "m-" + orderId, "kind", "PICKED"))
                .post("/shipments/{id}/reports", id).then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("reportId", "anon-" + orderId, "kind", "PICKED"))
                .post("/shipments/{id}/reports", id).then().statusCode(401);
        given().auth().oauth2(WAREHOUSE).get("/shipments/{id}", id).then().body("status", equalTo("CREATED"));
        given().auth().oauth2(WAREHOUSE).queryParam("orderId", "nope").get("/shipments").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
