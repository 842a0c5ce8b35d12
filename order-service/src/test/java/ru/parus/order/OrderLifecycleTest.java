package ru.parus.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.parus.order.Orders.MANAGER;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ru.parus.infra.test.TestKafka;
import ru.parus.order.domain.Order;
import ru.parus.platform.testing.EventSchemas;

/** The status machine, agreed terms, confirmation and cancellation (R4, R5, R6) over HTTP, the database and Kafka. */
@QuarkusTest
class OrderLifecycleTest {
    @Inject
    Clock clock;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper mapper;

    LocalDate inDays(int days) {
        return LocalDate.now(clock.withZone(ZoneId.of("Europe/Moscow"))).plusDays(days);
    }

    static ConsumerRecord<String, String> event(String orderId, String type) {
        List<ConsumerRecord<String, String>> records = TestKafka.awaitRecords("order-events",
                r -> orderId.equals(r.key()) && type.equals(TestKafka.header(r, "ce_type")), 1, Duration.ofSeconds(15));
        assertEquals(1, records.size(), type + " for " + orderId);
        return records.get(0);
    }

    static void assertValid(String schema, String json) {
        assertTrue(EventSchemas.violations(schema, json).isEmpty(), () -> EventSchemas.violations(schema, json) + " in " + json);
    }

    @Test
    void R5_aCashOnDeliveryOrderIsConfirmedWithItsTermsAndPublishesOrderConfirmed() throws Exception {
        String id = Orders.placePhoneOrder();
        LocalDate date = inDays(2);
        Orders.agree(id, Orders.courierCash(date)).statusCode(200)
                .body("terms.recipient.phone", equalTo("+79123456789"))
                .body("terms.address.city", equalTo("Екатеринбург"));
        Orders.confirm(id).statusCode(200)
                .body("status", equalTo("CONFIRMED"))
                .body("confirmedBy", equalTo("manager-1"));

        ConsumerRecord<String, String> record = event(id, "ru.parus.order.OrderConfirmed.v1");
        assertValid("OrderConfirmed.v1", record.value());
        JsonNode e = mapper.readTree(record.value());
        assertEquals("CASH_TO_COURIER", e.get("paymentMethod").asText());
        assertFalse(e.get("requiresPrepayment").asBoolean());
        assertEquals(549000, e.get("itemsTotalKopecks").asLong());
        assertEquals(0, e.get("discountKopecks").asLong());
        assertEquals(549000, e.get("payableKopecks").asLong());
        assertEquals(549000, e.get("cashOnDeliveryKopecks").asLong());
        assertEquals(date.toString(), e.at("/delivery/date").asText());
        assertEquals("10:00", e.at("/delivery/windowFrom").asText());
        assertEquals("ул. Малышева", e.at("/delivery/address/street").asText());
        assertEquals("+79123456789", e.at("/recipient/phone").asText());
        assertEquals(2, e.get("lines").size());
    }

    @Test
    void R5_anOnlineOrderAwaitsPaymentAfterConfirmation() throws Exception {
        String id = Orders.confirmedOnlineOrder(inDays(3));
        Orders.confirm(id).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:conflict"))
                .body("currentStatus", equalTo("AWAITING_PAYMENT"));
        given().auth().oauth2(MANAGER).get("/orders/{id}", id).then().body("status", equalTo("AWAITING_PAYMENT"));
        ConsumerRecord<String, String> record = event(id, "ru.parus.order.OrderConfirmed.v1");
        assertValid("OrderConfirmed.v1", record.value());
        JsonNode e = mapper.readTree(record.value());
        assertTrue(e.get("requiresPrepayment").asBoolean());
        assertEquals(0, e.get("cashOnDeliveryKopecks").asLong());
        assertEquals("CDEK-EKB-117", e.at("/delivery/pickupPointId").asText());
        assertTrue(e.at("/delivery/address").isNull());
    }

    @Test
    void R5_confirmationIsRefusedWhileAgreedFieldsAreMissingAndListsThem() {
        String id = Orders.placePhoneOrder();
        Orders.confirm(id).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:unprocessable"))
                .body("missingFields", hasItems("paymentMethod", "deliveryMethod", "recipient.name", "recipient.phone",
                        "deliveryDate", "windowFrom", "windowTo"));
        Orders.agree(id, """
                {"paymentMethod":"CASH_TO_COURIER","deliveryMethod":"COURIER",
                 "recipient":{"name":"Анна","phone":"+79123456789"},"deliveryDate":"%s","windowFrom":"10:00","windowTo":"12:00"}"""
                .formatted(inDays(1))).statusCode(200);
        Orders.confirm(id).statusCode(422).body("missingFields", contains("address"));
        Orders.agree(id, """
                {"paymentMethod":"AT_TRANSPORT_COMPANY","deliveryMethod":"TRANSPORT_COMPANY",
                 "recipient":{"name":"Анна","phone":"+79123456789"},"deliveryDate":"%s","windowFrom":"10:00","windowTo":"12:00"}"""
                .formatted(inDays(1))).statusCode(200);
        Orders.confirm(id).statusCode(422).body("missingFields", contains("terminalId"));
        given().auth().oauth2(MANAGER).get("/orders/{id}", id).then().body("status", equalTo("NEW"));
    }

    @Test
    void R4_anInvalidPaymentDeliveryPairIsRefusedNamingTheAllowedChoices() {
        String id = Orders.placePhoneOrder();
        Orders.agree(id, """
                {"paymentMethod":"CASH_TO_COURIER","deliveryMethod":"PICKUP_POINT"}""").statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:validation"))
                .body("errors.field", hasItem("deliveryMethod"))
                .body("allowedDeliveryMethods", contains("COURIER"))
                .body("allowedPaymentMethods", containsInAnyOrder("ONLINE", "AT_PICKUP_POINT"));
        Orders.agree(id, """
                {"paymentMethod":"POST_COD","deliveryMethod":"COURIER"}""").statusCode(400)
                .body("allowedDeliveryMethods", contains("RUSSIAN_POST"));
        Orders.agree(id, """
                {"paymentMethod":"POST_COD","deliveryMethod":"RUSSIAN_POST"}""").statusCode(200);
        Orders.agree(id, """
                {"paymentMethod":"BITCOIN","deliveryMethod":"RUSSIAN_POST"}""").statusCode(400)
                .body("type", equalTo("urn:parus:problem:malformed-request"))
                .body("errors.field", hasItem("paymentMethod"));
    }

    @Test
    void R5_aDeliveryDateInThePastAndOtherBadTermsAreRefused() {
        String id = Orders.placePhoneOrder();
        Orders.agree(id, Orders.courierCash(inDays(-1))).statusCode(400)
                .body("type", equalTo("urn:parus:problem:validation"))
                .body("errors.field", hasItem("deliveryDate"));
        Orders.agree(id, """
                {"deliveryDate":"%s","windowFrom":"14:00","windowTo":"10:00"}""".formatted(inDays(1))).statusCode(400)
                .body("errors.field", hasItem("windowTo"));
        Orders.agree(id, """
                {"recipient":{"name":"Анна","phone":"12"}}""").statusCode(400)
                .body("errors.field", hasItem("recipient.phone"));
        Orders.agree(id, """
                {"windowFrom":"25:99"}""").statusCode(400)
                .body("type", equalTo("urn:parus:problem:malformed-request"));
        Orders.agree(id, "{\"deliveryDate\":").statusCode(400)
                .body("type", equalTo("urn:parus:problem:malformed-request"));
        Orders.putTerms(UUID.randomUUID().toString(), "\"0\"", "{}").statusCode(404)
                .body("type", equalTo("urn:parus:problem:not-found"));
    }

    @Test
    void R5_aStaleIfMatchIsA412AndAMissingOneA428() {
        String id = Orders.placePhoneOrder();
        String etag = Orders.version(id);
        Orders.putTerms(id, etag, Orders.courierCash(inDays(1))).statusCode(200);
        Orders.putTerms(id, etag, Orders.courierCash(inDays(2))).statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:precondition-failed"))
                .body("currentVersion", notNullValue());
        Orders.putTerms(id, null, Orders.courierCash(inDays(2))).statusCode(428)
                .body("type", equalTo("urn:parus:problem:precondition-required"));
        Orders.putTerms(id, "garbage", Orders.courierCash(inDays(2))).statusCode(400)
                .body("errors.field", hasItem("If-Match"));
    }

    @Test
    void R5_concurrentEditsAreCaughtByOptimisticLocking() {
        String id = Orders.placePhoneOrder();
        UUID orderId = UUID.fromString(id);
        assertThrows(OptimisticLockException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            Order stale = em.find(Order.class, orderId);
            stale.packagingNotes = "stale edit";
            // meanwhile another request changes the same order and commits
            Orders.agree(id, Orders.courierCash(inDays(1)).replace("без пакета", "first")).statusCode(200);
            em.flush();
        }));
        given().auth().oauth2(MANAGER).get("/orders/{id}", id).then().body("terms.packagingNotes", equalTo("first"));
    }

    @Test
    void R5_everyConfirmationRuleIsAskedAndItsObjectionsRefuseConfirmation() {
        String id = Orders.placePhoneOrder();
        Orders.agree(id, Orders.courierCash(inDays(1)).replace("без пакета", MarkerConfirmationRule.MARKER)).statusCode(200);
        Orders.confirm(id).statusCode(422)
                .body("type", equalTo("urn:parus:problem:unprocessable"))
                .body("errors.field", contains("offers"));
        given().auth().oauth2(MANAGER).get("/orders/{id}", id).then().body("status", equalTo("NEW"));
    }

    @Test
    void R5_linesAreAcceptedOnlyBeforeConfirmation() {
        String id = Orders.placePhoneOrder();
        assertTrue(QuarkusTransaction.requiringNew().call(() -> em.find(Order.class, UUID.fromString(id)).acceptsLineChanges()));
        Orders.agree(id, Orders.courierCash(inDays(1))).statusCode(200);
        Orders.confirm(id).statusCode(200);
        assertFalse(QuarkusTransaction.requiringNew().call(() -> em.find(Order.class, UUID.fromString(id)).acceptsLineChanges()));
        Orders.putTerms(id, Orders.version(id), Orders.courierCash(inDays(1))).statusCode(409)
                .body("currentStatus", equalTo("CONFIRMED"));
    }

    @Test
    void R5_anImpossibleTransitionIsA409NamingTheCurrentStatusAndTheAllowedNext() {
        String id = Orders.placePhoneOrder();
        Orders.transition(id, "SHIPPED").statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:conflict"))
                .body("currentStatus", equalTo("NEW"))
                .body("allowedNext", containsInAnyOrder("CONFIRMED", "AWAITING_PAYMENT", "CANCELLED"));
        Orders.transition(id, "PAID").statusCode(409).body("currentStatus", equalTo("NEW"));
        Orders.transition(id, "FLYING").statusCode(400).body("type", equalTo("urn:parus:problem:malformed-request"));
        Orders.agree(id, Orders.courierCash(inDays(1))).statusCode(200);
        Orders.confirm(id).statusCode(200);
        Orders.transition(id, "IN_FULFILLMENT").statusCode(200).body("status", equalTo("IN_FULFILLMENT"));
        Orders.transition(id, "SHIPPED").statusCode(200);
        Orders.transition(id, "COMPLETED").statusCode(409)
                .body("currentStatus", equalTo("SHIPPED"))
                .body("allowedNext", containsInAnyOrder("DELIVERED", "RETURNED"));
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body("{\"reason\":\"передумал\"}")
                .post("/orders/{id}/cancel", id).then().statusCode(409).body("currentStatus", equalTo("SHIPPED"));
    }

    @Test
    void R6_theHistoryRecordsEveryChangeWhoWhenFromToWhy() {
        String id = Orders.placePhoneOrder();
        Orders.agree(id, Orders.courierCash(inDays(1))).statusCode(200);
        Orders.confirm(id).statusCode(200);
        given().auth().oauth2(Orders.HEAD).contentType(ContentType.JSON).body("{\"reason\":\"Клиент передумал\"}")
                .post("/orders/{id}/cancel", id).then().statusCode(200).body("status", equalTo("CANCELLED"));
        given().auth().oauth2(MANAGER).get("/orders/{id}/history", id).then().statusCode(200)
                .body("kind", contains("PLACED", "TERMS", "STATUS", "STATUS"))
                .body("actor", contains("manager-1", "manager-1", "manager-1", "head-1"))
                .body("[0].toStatus", equalTo("NEW"))
                .body("[0].details.totalKopecks", equalTo(549000))
                .body("[0].details.lines.sku", contains("WHEY-CHOC-900", "CREA-MONO-300"))
                .body("[1].details.paymentMethod", equalTo("CASH_TO_COURIER"))
                .body("[1].details.recipientPhone", equalTo("+79123456789"))
                .body("[2].fromStatus", equalTo("NEW"))
                .body("[2].toStatus", equalTo("CONFIRMED"))
                .body("[3].fromStatus", equalTo("CONFIRMED"))
                .body("[3].toStatus", equalTo("CANCELLED"))
                .body("[3].reason", equalTo("Клиент передумал"))
                .body("[3].at", notNullValue());
        given().auth().oauth2(MANAGER).get("/orders/{id}/history", UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo("urn:parus:problem:not-found"));
    }

    @Test
    void cancellingPublishesOrderCancelledWithTheReason() throws Exception {
        String id = Orders.placePhoneOrder();
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body("{\"reason\":\"\"}")
                .post("/orders/{id}/cancel", id).then().statusCode(400).body("errors.field", hasItem("reason"));
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body("{\"reason\":\"Клиент передумал\"}")
                .post("/orders/{id}/cancel", id).then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("allowedNext.size()", equalTo(0));
        ConsumerRecord<String, String> record = event(id, "ru.parus.order.OrderCancelled.v1");
        assertValid("OrderCancelled.v1", record.value());
        JsonNode e = mapper.readTree(record.value());
        assertEquals("NEW", e.get("previousStatus").asText());
        assertEquals("Клиент передумал", e.get("reason").asText());
        assertEquals("manager-1", e.get("cancelledBy").asText());
        assertFalse(e.get("managerError").asBoolean(), "a customer's change of mind is not the manager's error");
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body("{\"reason\":\"again\"}")
                .post("/orders/{id}/cancel", id).then().statusCode(409).body("currentStatus", equalTo("CANCELLED"));
    }

    @Test
    void R23_cancellationForTheManagersMistakeIsMarkedAsAnOrderError() throws Exception {
        String id = Orders.placePhoneOrder();
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body("{\"reason\":\"Не тот вкус протеина\",\"managerError\":true}")
                .post("/orders/{id}/cancel", id).then().statusCode(200).body("status", equalTo("CANCELLED"));
        JsonNode e = mapper.readTree(event(id, "ru.parus.order.OrderCancelled.v1").value());
        assertTrue(e.get("managerError").asBoolean());
        assertEquals("manager-1", e.get("managerId").asText(), "the manager who took the order");
    }

    @Test
    void onlyManagersAndTheHeadAgreeTermsAndConfirm() {
        String id = Orders.placePhoneOrder();
        given().auth().oauth2(ru.parus.infra.test.TestInfra.token("wh-1", "WAREHOUSE")).contentType(ContentType.JSON)
                .post("/orders/{id}/confirm", id).then().statusCode(403).body("type", equalTo("urn:parus:problem:forbidden"));
        given().contentType(ContentType.JSON).body("{}").put("/orders/{id}/terms", id).then().statusCode(401);
    }

    @Test
    void theOpenApiDocumentDescribesTheLifecycleEndpoints() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/orders/{id}/terms'.put.responses.'412'.description", notNullValue())
                .body("paths.'/orders/{id}/confirm'.post.responses.'422'.description", notNullValue())
                .body("paths.'/orders/{id}/cancel'.post", notNullValue())
                .body("paths.'/orders/{id}/history'.get", notNullValue())
                .body("paths.'/orders/{id}/transitions'.post", notNullValue())
                .body("paths.'/storefront/{storefront}/orders'.post.responses.'401'.description", notNullValue())
                .body("paths.'/payments/callback'.post.responses.'401'.description", notNullValue());
    }
}
