package ru.parus.fulfillment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.parus.fulfillment.Fixtures.*;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import ru.parus.infra.test.TestInfra;
import ru.parus.infra.test.TestKafka;
import ru.parus.platform.testing.EventSchemas;

/**
 * R22, R24 (issue 16): a manager reads the shipments of their own customers, unowned ones and those of a colleague they
 * deputise for; the warehouse and the head read all; owners and absences come from customer- and callcenter-events;
 * every answer showing a recipient or an address is logged as PersonalDataAccessed on audit-events.
 */
@QuarkusTest
class ShipmentAccessTest {
    static final String MANAGER_2 = TestInfra.token("manager-2", "MANAGER");
    static final String FORBIDDEN = "urn:parus:problem:forbidden";

    @Inject
    EntityManager em;

    /** The four reads of a shipment that show its customer's data, each answering {@code status} to the token. */
    static void reads(String token, String shipmentId, UUID orderId, int status) {
        for (String path : new String[] { "/shipments/{id}", "/shipments/{id}/packing-list.pdf",
                "/shipments/{id}/shipping-document.pdf" }) {
            var response = given().auth().oauth2(token).get(path, shipmentId).then().statusCode(status);
            if (status == 403) {
                response.contentType("application/problem+json").body("type", equalTo(FORBIDDEN));
            }
        }
        var byOrder = given().auth().oauth2(token).queryParam("orderId", orderId).get("/shipments").then()
                .statusCode(status);
        if (status == 200) {
            // a page like the warehouse's list, holding the order's one shipment without personal data
            byOrder.body("total", equalTo(1)).body("page", equalTo(0)).body("items", hasSize(1))
                    .body("items[0].id", equalTo(shipmentId)).body("items[0]", not(hasKey("recipient")));
        } else {
            byOrder.contentType("application/problem+json").body("type", equalTo(FORBIDDEN));
        }
    }

    static String token(String staffId) {
        return TestInfra.token(staffId, "MANAGER");
    }

    static String unique(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void R24_anotherManagersCustomersShipmentIsForbiddenByIdByOrderAndBothDocuments() throws Exception {
        UUID customer = registeredCustomer(em, "manager-1");
        UUID orderId = UUID.randomUUID();
        String id = shippedFor(customer, orderId);

        reads(MANAGER_2, id, orderId, 403);
        given().auth().oauth2(MANAGER_2).get("/shipments/{id}", id).then()
                .body("customerId", equalTo(customer.toString()));
        // 404 before 403: an unknown shipment is not found for anyone
        given().auth().oauth2(MANAGER_2).get("/shipments/{id}", UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo("urn:parus:problem:not-found"));

        reads(MANAGER, id, orderId, 200);
        given().auth().oauth2(MANAGER).get("/shipments/{id}", id).then()
                .body("recipient.name", equalTo("Анна Смирнова")).body("delivery.address.street", equalTo("ул. Малышева"));
        reads(WAREHOUSE, id, orderId, 200);
        reads(HEAD, id, orderId, 200);
    }

    @Test
    void R24_anUnownedOrUnknownCustomersShipmentIsReadByAnyManager() throws Exception {
        UUID unowned = registeredCustomer(em, null);
        UUID orderId = UUID.randomUUID();
        reads(MANAGER_2, shippedFor(unowned, orderId), orderId, 200);

        UUID unknownOrder = UUID.randomUUID();
        reads(MANAGER_2, shippedFor(UUID.randomUUID(), unknownOrder), unknownOrder, 200);
    }

    @Test
    void R22_aDeputyReadsTheAbsentManagersCustomersShipmentsOnlyWhileTheAbsenceLasts() throws Exception {
        String owner = unique("manager");
        String deputy = unique("deputy");
        UUID customer = registeredCustomer(em, owner);
        UUID orderId = UUID.randomUUID();
        String id = shippedFor(customer, orderId);
        reads(token(deputy), id, orderId, 403);

        UUID absence = absenceStarted(em, owner, deputy);
        reads(token(deputy), id, orderId, 200);
        reads(token(unique("manager")), id, orderId, 403);

        absenceEnded(em, absence, owner, deputy);
        reads(token(deputy), id, orderId, 403);
        reads(token(owner), id, orderId, 200);
    }

    @Test
    void R24_anOwnerChangeMovesTheShipmentsToTheNewOwner() throws Exception {
        String first = unique("manager");
        String second = unique("manager");
        UUID customer = registeredCustomer(em, first);
        UUID orderId = UUID.randomUUID();
        String id = shippedFor(customer, orderId);
        reads(token(second), id, orderId, 403);

        // an update that does not name the owner leaves it as it is
        ObjectNode tags = (ObjectNode) JSON.readTree(EventSchemas.examples("CustomerUpdated.v1").get(0));
        tags.put("customerId", customer.toString());
        publish("customer-events", customer.toString(), "ru.parus.customer.CustomerUpdated.v1", tags.toString());
        // it is not recorded; a registration sent after it on the same key (so the same partition) marks it consumed
        ObjectNode marker = (ObjectNode) JSON.readTree(EventSchemas.examples("CustomerRegistered.v1").get(0));
        marker.put("customerId", UUID.randomUUID().toString());
        awaitConsumed(em, CUSTOMER_EVENTS, publish("customer-events", customer.toString(),
                "ru.parus.customer.CustomerRegistered.v1", marker.toString()));
        reads(token(first), id, orderId, 200);
        reads(token(second), id, orderId, 403);

        ownerChanged(em, customer, second);
        reads(token(second), id, orderId, 200);
        reads(token(first), id, orderId, 403);

        // CustomerReactivated (and CustomerDormant) carry the owner at that moment as well
        ObjectNode reactivated = (ObjectNode) JSON.readTree(EventSchemas.examples("CustomerReactivated.v1").get(0));
        reactivated.put("customerId", customer.toString()).put("ownerManagerId", first);
        awaitConsumed(em, CUSTOMER_EVENTS, publish("customer-events", customer.toString(),
                "ru.parus.customer.CustomerReactivated.v1", reactivated.toString()));
        reads(token(first), id, orderId, 200);
        reads(token(second), id, orderId, 403);
    }

    @Test
    void R24_aMergedCustomersShipmentsFollowTheSurvivorsOwner() throws Exception {
        String owner = unique("manager");
        String other = unique("manager");
        UUID survivor = registeredCustomer(em, owner);
        UUID merged = registeredCustomer(em, null);
        UUID orderId = UUID.randomUUID();
        String id = shippedFor(merged, orderId);
        reads(token(other), id, orderId, 200);

        ObjectNode e = (ObjectNode) JSON.readTree(EventSchemas.examples("CustomersMerged.v1").get(0));
        e.put("survivingCustomerId", survivor.toString()).put("mergedCustomerId", merged.toString());
        awaitConsumed(em, CUSTOMER_EVENTS, publish("customer-events", survivor.toString(),
                "ru.parus.customer.CustomersMerged.v1", e.toString()));
        reads(token(other), id, orderId, 403);
        reads(token(owner), id, orderId, 200);
    }

    @Test
    void R24_aReadOfTheRecipientAndAddressIsLoggedAndARefusedReadIsNot() throws Exception {
        UUID customer = registeredCustomer(em, "manager-1");
        UUID orderId = UUID.randomUUID();
        String id = shippedFor(customer, orderId);

        given().auth().oauth2(MANAGER_2).get("/shipments/{id}", id).then().statusCode(403);
        given().auth().oauth2(MANAGER_2).get("/shipments/{id}/shipping-document.pdf", id).then().statusCode(403);
        given().auth().oauth2(WAREHOUSE).get("/shipments/{id}/packing-list.pdf", id).then().statusCode(200);
        given().auth().oauth2(WAREHOUSE).get("/shipments/{id}/shipping-document.pdf", id).then().statusCode(200);
        given().auth().oauth2(MANAGER).get("/shipments/{id}", id).then().statusCode(200);

        // the outbox sends one customer's entries in order (key = customerId): once manager-1's read has arrived,
        // the ones before it are on the topic too
        List<ConsumerRecord<String, String>> last = TestKafka.awaitRecords(AUDIT_TOPIC,
                r -> customer.toString().equals(r.key()) && ACCESSED.equals(TestKafka.header(r, "ce_type"))
                        && "manager-1".equals(json(r.value()).path("staffId").asText()),
                1, Duration.ofSeconds(20));
        assertEquals(1, last.size(), "manager-1's read of the shipment is logged");
        JsonNode read = json(last.get(0).value());
        assertEquals(customer.toString(), read.get("customerId").asText());
        assertEquals("GET /shipments/{id}", read.get("endpoint").asText());
        assertEquals("fulfillment-service", read.get("service").asText());
        assertEquals(List.of("recipient", "address"), JSON.convertValue(read.get("fields"), List.class));
        assertEquals(List.of("MANAGER"), JSON.convertValue(read.get("roles"), List.class));
        assertEquals("fulfillment-service", TestKafka.header(last.get(0), "ce_source"));

        List<JsonNode> all = TestKafka.readAll(AUDIT_TOPIC).stream()
                .filter(r -> customer.toString().equals(r.key()) && ACCESSED.equals(TestKafka.header(r, "ce_type")))
                .peek(r -> assertTrue(EventSchemas.violations("PersonalDataAccessed.v1", r.value()).isEmpty(),
                        "PersonalDataAccessed violates its schema: " + r.value()))
                .map(r -> json(r.value())).toList();
        assertTrue(all.stream().noneMatch(e -> "manager-2".equals(e.get("staffId").asText())),
                "a refused read is not logged: " + all);
        Set<String> warehouse = all.stream().filter(e -> "wh-1".equals(e.get("staffId").asText()))
                .map(e -> e.get("endpoint").asText()).collect(Collectors.toSet());
        // the warehouse's reads are logged too; GET ?orderId= (while the test waited for the shipment) answers a
        // list item and the packing list shows no recipient or address, so neither is
        assertEquals(Set.of("GET /shipments/{id}/shipping-document.pdf"), warehouse);
    }

    @Test
    void poisonCustomerAndAbsenceEventsGoToTheirDeadLetterTopics() throws Exception {
        String badCustomer = publish("customer-events", "k", "ru.parus.customer.CustomerRegistered.v1",
                "{\"customerId\":\"not-a-uuid\",\"name\":\"x\",\"type\":\"ATHLETE\",\"ownerManagerId\":\"manager-1\"}");
        String badUpdate = publish("customer-events", "k", "ru.parus.customer.CustomerUpdated.v1",
                "{\"customerId\":\"" + UUID.randomUUID() + "\",\"changedFields\":[\"ownerManagerId\"]}");
        String badAbsence = publish("callcenter-events", "manager-1", "ru.parus.callcenter.ManagerAbsenceStarted.v1",
                "{\"absenceId\":\"" + UUID.randomUUID() + "\",\"managerId\":\"manager-1\",\"startsAt\":\"2026-12-01T06:00:00Z\","
                        + "\"endsAt\":\"2026-12-15T06:00:00Z\"}");
        // the channels go on
        UUID customer = registeredCustomer(em, "manager-1");
        absenceStarted(em, unique("manager"), unique("deputy"));

        List<ConsumerRecord<String, String>> customerDead = TestKafka.awaitRecords(
                "customer-events.fulfillment-service.dlq",
                r -> Set.of(badCustomer, badUpdate).contains(TestKafka.header(r, "ce_id")), 2, Duration.ofSeconds(15));
        assertEquals(2, customerDead.size());
        List<ConsumerRecord<String, String>> callcenterDead = TestKafka.awaitRecords(
                "callcenter-events.fulfillment-service.dlq",
                r -> badAbsence.equals(TestKafka.header(r, "ce_id")), 1, Duration.ofSeconds(15));
        assertEquals(1, callcenterDead.size());
        UUID orderId = UUID.randomUUID();
        reads(MANAGER_2, shippedFor(customer, orderId), orderId, 403);
    }
}
