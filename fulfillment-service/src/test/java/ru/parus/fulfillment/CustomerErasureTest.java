package ru.parus.fulfillment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.parus.fulfillment.Fixtures.*;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import ru.parus.infra.test.TestKafka;
import ru.parus.platform.testing.EventSchemas;

/**
 * R24: a customer erased in customer-service (CustomerErased on customer-events) loses their personal data in
 * fulfilment too: recipient, address, packaging notes and free-text reasons of shipments, stored orders and reports.
 * Shipments stay with their ids, statuses, lines and money; the reads answer the blanks; a shipment still in the
 * warehouse cannot be handed over any more.
 */
@QuarkusTest
class CustomerErasureTest {
    static final String ERASED = "ru.parus.customer.CustomerErased.v1";
    /** The personal data of the OrderConfirmed example and of this test's notes. */
    static final String[] PERSONAL = { "Анна Смирнова", "+79123456789", "Малышева", "620014", "домофон",
            "пузырчатую", "переехала", "Клиентка передумала" };

    @Inject
    EntityManager em;

    static String erasedEvent(UUID customerId) throws Exception {
        ObjectNode e = (ObjectNode) JSON.readTree(EventSchemas.examples("CustomerErased.v1").get(0));
        e.put("customerId", customerId.toString());
        return e.toString();
    }

    /** Sends CustomerErased (the schema's example) for the customer under this event id. */
    static void erase(UUID customerId, String eventId) throws Exception {
        var headers = new java.util.HashMap<>(TestKafka.cloudEventHeaders(eventId, ERASED));
        headers.put("ce_source", "customer-service");
        TestKafka.send("customer-events", customerId.toString(), erasedEvent(customerId), headers);
    }

    /** The order's shipment id, once made (read from the table: the REST list's shape is not this test's subject). */
    String shipmentOf(UUID orderId) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<String> ids = texts("SELECT id::text FROM shipment WHERE order_id = ?1", orderId);
            id[0] = ids.isEmpty() ? null : ids.get(0);
            return id[0] != null;
        });
        return id[0];
    }

    /** Sends the confirmed order and waits for its shipment. */
    String ship(ObjectNode confirmed) throws Exception {
        UUID orderId = UUID.fromString(confirmed.get("orderId").asText());
        send(CONFIRMED, orderId, confirmed);
        return shipmentOf(orderId);
    }

    List<String> texts(String sql, UUID param) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql, String.class)
                .setParameter(1, param).getResultList().stream().map(o -> String.valueOf(o)).toList());
    }

    static void assertNoPersonalData(String what, String text) {
        for (String p : PERSONAL) {
            assertFalse(text != null && text.contains(p), what + " still holds '" + p + "': " + text);
        }
    }

    @Test
    void R24_erasedCustomerLeavesNoPersonalDataInShipments() throws Exception {
        UUID customer = registeredCustomer(em, "manager-1");
        // in the warehouse, with packaging notes
        UUID inWarehouseOrder = UUID.randomUUID();
        ObjectNode order = codOrder(inWarehouseOrder);
        order.put("customerId", customer.toString()).put("packagingNotes", "Хрупкое: упаковать в пузырчатую плёнку");
        String inWarehouse = ship(order);
        // by post, handed over and returned with a carrier's reason about the customer
        UUID returnedOrder = UUID.randomUUID();
        ObjectNode post = postOrder(returnedOrder);
        post.put("customerId", customer.toString());
        String returned = ship(post);
        report(returned, packed("er-pack-" + returnedOrder)).statusCode(200);
        report(returned, Map.of("reportId", "er-hand-" + returnedOrder, "kind", "HANDED_TO_CARRIER",
                "trackingNumber", "RA123456785RU")).statusCode(200);
        report(returned, Map.of("reportId", "er-ret-" + returnedOrder, "kind", "RETURNED", "reason",
                "Получатель переехала, новый адрес не оставила")).statusCode(200);
        // cancelled in the warehouse with the manager's reason
        UUID cancelledOrder = UUID.randomUUID();
        ObjectNode toCancel = codOrder(cancelledOrder);
        toCancel.put("customerId", customer.toString());
        String cancelled = ship(toCancel);
        ObjectNode cancel = example("OrderCancelled.v1", cancelledOrder);
        cancel.put("customerId", customer.toString()).put("reason", "Клиентка передумала");
        awaitProcessed(em, send(CANCELLED, cancelledOrder, cancel));
        // prepaid, confirmed but not yet paid: only the stored OrderConfirmed holds the data
        UUID unpaidOrder = UUID.randomUUID();
        ObjectNode prepaid = prepaidPickupOrder(unpaidOrder);
        prepaid.put("customerId", customer.toString());
        awaitProcessed(em, send(CONFIRMED, unpaidOrder, prepaid));
        given().auth().oauth2(WAREHOUSE).get("/shipments/{id}", inWarehouse).then().statusCode(200)
                .body("recipient.name", equalTo("Анна Смирнова"));

        // the same delivery twice (the inbox drops the copy) and the same fact again under a new id (blank stays blank)
        String eventId = UUID.randomUUID().toString();
        erase(customer, eventId);
        erase(customer, eventId);
        String again = UUID.randomUUID().toString();
        erase(customer, again);
        awaitConsumed(em, CUSTOMER_EVENTS, eventId, again);

        // rows: nothing personal in shipments, their reports or the stored orders; the figures stay
        for (String details : texts("SELECT details FROM shipment WHERE customer_id = ?1", customer)) {
            assertNoPersonalData("shipment.details", details);
            JsonNode d = json(details);
            assertTrue(d.get("recipient").isNull(), details);
            assertTrue(d.get("delivery").get("address").isNull(), details);
            assertEquals(2, d.get("lines").size(), details);
        }
        assertEquals(3, texts("SELECT id::text FROM shipment WHERE customer_id = ?1 AND personal_data_erased_at IS NOT NULL",
                customer).size());
        for (String reason : texts("SELECT coalesce(cancellation_reason, '') FROM shipment WHERE customer_id = ?1",
                customer)) {
            assertNoPersonalData("shipment.cancellation_reason", reason);
        }
        for (String body : texts("SELECT r.body FROM shipment_report r JOIN shipment s ON s.id = r.shipment_id "
                + "WHERE s.customer_id = ?1", customer)) {
            assertNoPersonalData("shipment_report.body", body);
        }
        for (UUID o : List.of(inWarehouseOrder, returnedOrder, cancelledOrder, unpaidOrder)) {
            for (String payload : texts("SELECT confirmed_payload || coalesce(cancel_reason, '') FROM order_state "
                    + "WHERE order_id = ?1", o)) {
                assertNoPersonalData("order_state of " + o, payload);
            }
        }

        // REST: the blanks, no error; ids, status, lines and money as before
        given().auth().oauth2(WAREHOUSE).get("/shipments/{id}", inWarehouse).then().statusCode(200)
                .body("status", equalTo("CREATED")).body("recipient", nullValue())
                .body("delivery.address", nullValue()).body("delivery.date", equalTo("2026-11-29"))
                .body("lines", hasSize(2)).body("cashOnDeliveryKopecks", equalTo(521550));
        given().auth().oauth2(MANAGER).get("/shipments/{id}", returned).then().statusCode(200)
                .body("status", equalTo("RETURNED")).body("recipient", nullValue())
                .body("delivery.address", nullValue()).body("trackingNumber", equalTo("RA123456785RU"));
        given().auth().oauth2(HEAD).get("/shipments/{id}", cancelled).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancellationReason", equalTo("[удалено по запросу клиента]"));

        // papers: the warehouse cannot ship without an address; a returned parcel's document prints the blanks
        given().auth().oauth2(WAREHOUSE).get("/shipments/{id}/shipping-document.pdf", inWarehouse).then()
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:unprocessable"))
                .body("detail", containsString("erased")).body("personalDataErasedAt", notNullValue());
        String packing = DocumentsTest.text(DocumentsTest.download(WAREHOUSE, inWarehouse, "packing-list.pdf"));
        assertNoPersonalData("packing list", packing);
        assertTrue(packing.contains("WHEY-CHOC-900"), packing);
        String document = DocumentsTest.text(DocumentsTest.download(WAREHOUSE, returned, "shipping-document.pdf"));
        assertNoPersonalData("shipping document", document);
        assertTrue(document.contains("удалено по запросу клиента"), document);
        assertTrue(document.contains("RA123456785RU"), document);

        // the shipment in the warehouse may be packed, but not handed to a carrier
        report(inWarehouse, packed("er-pack-" + inWarehouseOrder)).statusCode(200);
        report(inWarehouse, Map.of("reportId", "er-hand-" + inWarehouseOrder, "kind", "HANDED_TO_CARRIER",
                "trackingNumber", "PC-00012345")).statusCode(422).body("type", equalTo("urn:parus:problem:unprocessable"));

        // paid after the erasure: the shipment is made from the blank order; ShipmentCreated still meets its schema
        ObjectNode paid = example("OrderPaid.v1", unpaidOrder);
        awaitProcessed(em, send(PAID, unpaidOrder, paid));
        String late = shipmentOf(unpaidOrder);
        given().auth().oauth2(WAREHOUSE).get("/shipments/{id}", late).then().statusCode(200)
                .body("recipient", nullValue()).body("delivery.pickupPointId", equalTo("CDEK-EKB-117"));
        String created = published(unpaidOrder, "ShipmentCreated", 1, Duration.ofSeconds(20)).get(0).value();
        assertNoPersonalData("ShipmentCreated", created);
    }

    @Test
    void R24_orderConfirmedAfterTheErasureIsStoredWithoutPersonalData() throws Exception {
        UUID customer = registeredCustomer(em, null);
        String eventId = UUID.randomUUID().toString();
        erase(customer, eventId);
        awaitConsumed(em, CUSTOMER_EVENTS, eventId);

        UUID orderId = UUID.randomUUID();
        ObjectNode order = codOrder(orderId);
        order.put("customerId", customer.toString());
        String id = ship(order);
        for (String payload : texts("SELECT confirmed_payload FROM order_state WHERE order_id = ?1", orderId)) {
            assertNoPersonalData("order_state", payload);
        }
        given().auth().oauth2(WAREHOUSE).get("/shipments/{id}", id).then().statusCode(200)
                .body("recipient", nullValue()).body("delivery.address", nullValue()).body("lines", hasSize(2));
        given().auth().oauth2(WAREHOUSE).get("/shipments/{id}/shipping-document.pdf", id).then().statusCode(422);
        assertNotNull(texts("SELECT personal_data_erased_at::text FROM shipment WHERE id = ?1", UUID.fromString(id))
                .get(0));
    }
}
