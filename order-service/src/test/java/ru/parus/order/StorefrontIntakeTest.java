package ru.parus.order;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

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
import ru.parus.order.domain.CustomerProjection;
import ru.parus.platform.testing.EventSchemas;

/** R3: storefront orders, signed per storefront, idempotent on their number, buyers matched or introduced. */
@QuarkusTest
class StorefrontIntakeTest {
    static final String LACTOMIN_SECRET = "dev-lactomin-secret";
    static final String WATTN_SECRET = "dev-wattn-secret";

    @Inject
    ObjectMapper mapper;
    @Inject
    EntityManager em;
    @Inject
    java.time.Clock clock;

    static ValidatableResponse send(String storefront, String body, String signature) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (signature != null) {
            request = request.header("X-Parus-Signature", signature);
        }
        return request.post("/storefront/{s}/orders", storefront).then();
    }

    static String body(String number, String phone, String email) {
        return """
                {"storefrontOrderNumber":"%s","customer":{"name":"Иван Петров","phone":%s,"email":%s},
                 "lines":[{"sku":"WHEY-CHOC-900","quantity":1,"unitPriceKopecks":1}],
                 "terms":{"paymentMethod":"ONLINE","deliveryMethod":"PICKUP_POINT","pickupPointId":"CDEK-1"}}"""
                .formatted(number, phone == null ? "null" : "\"" + phone + "\"", email == null ? "null" : "\"" + email + "\"");
    }

    static String randomPhone() {
        return "+7 912 " + ThreadLocalRandom.current().nextInt(1000000, 9999999);
    }

    @Test
    void R3_aSignedStorefrontOrderIsPlacedPricedByTheServerAndIdempotentOnItsNumber() {
        String number = "LM-" + UUID.randomUUID();
        String body = body(number, randomPhone(), null);
        String id = send("LACTOMIN", body, Orders.sign(LACTOMIN_SECRET, body)).statusCode(201)
                .header("Idempotent-Replayed", nullValue())
                .body("channel", equalTo("LACTOMIN"))
                .body("status", equalTo("NEW"))
                .body("managerId", nullValue())
                .body("storefrontOrderNumber", equalTo(number))
                .body("lines[0].unitPriceKopecks", equalTo(249000))
                .body("terms.paymentMethod", equalTo("ONLINE"))
                .body("terms.recipient.name", equalTo("Иван Петров"))
                .extract().path("id");
        String again = send("LACTOMIN", body, "sha256=" + Orders.sign(LACTOMIN_SECRET, body)).statusCode(200)
                .header("Idempotent-Replayed", equalTo("true")).extract().path("id");
        assertEquals(id, again);
        // the same number on the other storefront is another order
        String wattn = send("WATTN", body, Orders.sign(WATTN_SECRET, body)).statusCode(201).extract().path("id");
        assertNotEquals(id, wattn);
        long placed = TestKafka.awaitRecords("order-events", r -> id.equals(r.key())
                && "ru.parus.order.OrderPlaced.v1".equals(TestKafka.header(r, "ce_type")), 2, Duration.ofSeconds(5)).size();
        assertEquals(1, placed, "one OrderPlaced for a repeated storefront order");
    }

    /** The 401 names the signature the storefront must send, not a bearer token (issue 14). */
    static void namesTheSignature(ValidatableResponse response) {
        response.statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:unauthorized"))
                .body("title", containsString("X-Parus-Signature"))
                .body("credential.in", equalTo("header"))
                .body("credential.name", equalTo("X-Parus-Signature"));
    }

    @Test
    void R3_aWrongOrMissingSignatureIsA401NamingTheSignature() {
        String body = body("LM-" + UUID.randomUUID(), randomPhone(), null);
        namesTheSignature(send("LACTOMIN", body, null));
        // missing: judged before the resource is matched, so before its media type (platform AuthenticationFirst)
        namesTheSignature(given().contentType(ContentType.TEXT).body(body).post("/storefront/{s}/orders", "LACTOMIN").then());
        // wrong: the endpoint's own check (Signatures.verify) says the same
        namesTheSignature(send("LACTOMIN", body, Orders.sign(WATTN_SECRET, body)));
        namesTheSignature(send("LACTOMIN", body + " ", Orders.sign(LACTOMIN_SECRET, body)));
        send("PHONE", body, Orders.sign(LACTOMIN_SECRET, body)).statusCode(404)
                .body("type", equalTo("urn:parus:problem:not-found"));
        send("EBAY", body, Orders.sign(LACTOMIN_SECRET, body)).statusCode(404);
    }

    @Test
    void R3_badStorefrontOrdersAreProblems() {
        String noContact = body("LM-" + UUID.randomUUID(), null, null);
        send("LACTOMIN", noContact, Orders.sign(LACTOMIN_SECRET, noContact)).statusCode(400)
                .body("errors.field", hasItem("customer"));
        String noLines = "{\"storefrontOrderNumber\":\"\",\"customer\":{\"name\":\"\"},\"lines\":[]}";
        send("LACTOMIN", noLines, Orders.sign(LACTOMIN_SECRET, noLines)).statusCode(400)
                .body("type", equalTo("urn:parus:problem:validation"))
                .body("errors.field", hasItem("storefrontOrderNumber"))
                .body("errors.field", hasItem("customer.name"))
                .body("errors.field", hasItem("lines"));
        String broken = "{\"storefrontOrderNumber\":";
        send("LACTOMIN", broken, Orders.sign(LACTOMIN_SECRET, broken)).statusCode(400)
                .body("type", equalTo("urn:parus:problem:malformed-request"));
        String badPair = body("LM-" + UUID.randomUUID(), randomPhone(), null).replace("\"ONLINE\"", "\"POST_COD\"");
        send("LACTOMIN", badPair, Orders.sign(LACTOMIN_SECRET, badPair)).statusCode(400)
                .body("allowedDeliveryMethods", hasItem("RUSSIAN_POST"));
        String unknownSku = body("LM-" + UUID.randomUUID(), randomPhone(), null).replace("WHEY-CHOC-900", "NO-SUCH");
        send("LACTOMIN", unknownSku, Orders.sign(LACTOMIN_SECRET, unknownSku)).statusCode(422)
                .body("errors.field", hasItem("lines[0].sku"));
        String badPhone = body("LM-" + UUID.randomUUID(), "12", null);
        send("LACTOMIN", badPhone, Orders.sign(LACTOMIN_SECRET, badPhone)).statusCode(400)
                .body("errors.field", hasItem("customer.phone"));
    }

    @Test
    void R3_aBuyerKnownFromCustomerRegisteredIsMatchedByPhoneInAnySpelling() throws Exception {
        UUID customerId = UUID.randomUUID();
        int n = ThreadLocalRandom.current().nextInt(1000000, 9999999);
        String e164 = "+7913" + n;
        String registered = EventSchemas.examples("CustomerRegistered.v1").get(0)
                .replaceFirst("\"customerId\":\"[^\"]+\"", "\"customerId\":\"" + customerId + "\"")
                .replaceFirst("\"phone\":\"[^\"]+\"", "\"phone\":\"" + e164 + "\"");
        TestKafka.send("customer-events", customerId.toString(), registered,
                TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), "ru.parus.customer.CustomerRegistered.v1"));
        await().atMost(Duration.ofSeconds(15)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> em.find(CustomerProjection.class, customerId)) != null);
        CustomerProjection projected = QuarkusTransaction.requiringNew().call(() -> em.find(CustomerProjection.class, customerId));
        assertEquals("ATHLETE", projected.type);

        String body = body("WT-" + UUID.randomUUID(), "8 (913) " + n, null);
        String id = send("WATTN", body, Orders.sign(WATTN_SECRET, body)).statusCode(201)
                .body("customerId", equalTo(customerId.toString())).extract().path("id");
        ConsumerRecord<String, String> placed = OrderLifecycleTest.event(id, "ru.parus.order.OrderPlaced.v1");
        OrderLifecycleTest.assertValid("OrderPlaced.v1", placed.value());
        JsonNode e = mapper.readTree(placed.value());
        assertTrue(e.get("customerContact").isNull(), "a known customer is not registered again");
        assertEquals("WATTN", e.get("channel").asText());
    }

    @Test
    void R3_aBuyerKnownByEmailIsMatchedAndAnUnknownOneIsIntroducedThroughOrderPlaced() throws Exception {
        String email = "buyer-" + UUID.randomUUID() + "@example.org";
        String phone = randomPhone();
        String number = "LM-" + UUID.randomUUID();
        String first = body(number, phone, email);
        String id = send("LACTOMIN", first, Orders.sign(LACTOMIN_SECRET, first)).statusCode(201).extract().path("id");
        ConsumerRecord<String, String> placed = OrderLifecycleTest.event(id, "ru.parus.order.OrderPlaced.v1");
        OrderLifecycleTest.assertValid("OrderPlaced.v1", placed.value());
        JsonNode e = mapper.readTree(placed.value());
        String newCustomer = e.get("customerId").asText();
        assertEquals("Иван Петров", e.at("/customerContact/name").asText());
        assertEquals(email, e.at("/customerContact/email").asText());
        assertTrue(e.at("/customerContact/phone").asText().startsWith("+7912"));
        assertEquals(number, e.get("storefrontOrderNumber").asText());

        // the same buyer again, now by e-mail only (another phone), is the same customer
        String second = body("LM-" + UUID.randomUUID(), null, email.toUpperCase());
        send("LACTOMIN", second, Orders.sign(LACTOMIN_SECRET, second)).statusCode(201)
                .body("customerId", equalTo(newCustomer));
        given().auth().oauth2(Orders.MANAGER).get("/orders/{id}/history", id).then()
                .body("[0].actor", equalTo("storefront:LACTOMIN"))
                .body("[0].at", notNullValue());
    }

    @Test
    void customerRegisteredIsAppliedOnceAndPoisonGoesToTheDeadLetterTopic() throws Exception {
        String type = "ru.parus.customer.CustomerRegistered.v1";
        UUID customerId = UUID.randomUUID();
        String example = EventSchemas.examples("CustomerRegistered.v1").get(0)
                .replaceFirst("\"customerId\":\"[^\"]+\"", "\"customerId\":\"" + customerId + "\"");
        String eventId = UUID.randomUUID().toString();
        String key = customerId.toString();
        String poison = "poison-" + UUID.randomUUID();
        TestKafka.send("customer-events", key, poison, TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), type));
        TestKafka.send("customer-events", key, example.replace("ATHLETE", "FITNESS"), TestKafka.cloudEventHeaders(eventId, type));
        // a second delivery of the same event (same ce_id) changes nothing, even with other data
        TestKafka.send("customer-events", key, example.replace("ATHLETE", "WHOLESALE"), TestKafka.cloudEventHeaders(eventId, type));
        // another event type on the topic is ignored
        TestKafka.send("customer-events", key, example.replace("ATHLETE", "HEALTHY_LIFESTYLE"),
                TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), "ru.parus.customer.CustomerTypeChanged.v1"));
        // a later event with the same key (same partition) shows the ones before it were consumed
        UUID sentinel = UUID.randomUUID();
        TestKafka.send("customer-events", key, EventSchemas.examples("CustomerRegistered.v1").get(0)
                .replaceFirst("\"customerId\":\"[^\"]+\"", "\"customerId\":\"" + sentinel + "\""),
                TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), type));
        await().atMost(Duration.ofSeconds(15)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> em.find(CustomerProjection.class, sentinel)) != null);
        CustomerProjection c = QuarkusTransaction.requiringNew().call(() -> em.find(CustomerProjection.class, customerId));
        assertEquals("FITNESS", c.type, "the first delivery applied, the duplicate and the other type ignored");
        assertEquals(1, TestKafka.awaitRecords("customer-events.order-service.dlq", r -> poison.equals(r.value()), 1,
                Duration.ofSeconds(10)).size());
    }

    @Test
    void R3_R15_aStorefrontOrderWithEveryTermAgreedIsConfirmedAtIntakeAndPaidOnline() throws Exception {
        java.time.LocalDate date = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Moscow"))).plusDays(2);
        String body = body("LM-" + UUID.randomUUID(), randomPhone(), null).replace("\"pickupPointId\":\"CDEK-1\"",
                "\"pickupPointId\":\"CDEK-1\",\"deliveryDate\":\"" + date + "\",\"windowFrom\":\"10:00\",\"windowTo\":\"20:00\"");
        String id = send("LACTOMIN", body, Orders.sign(LACTOMIN_SECRET, body)).statusCode(201)
                .body("status", equalTo("AWAITING_PAYMENT"))
                .body("confirmedBy", nullValue())
                .extract().path("id");
        ConsumerRecord<String, String> confirmed = OrderLifecycleTest.event(id, "ru.parus.order.OrderConfirmed.v1");
        OrderLifecycleTest.assertValid("OrderConfirmed.v1", confirmed.value());
        JsonNode e = mapper.readTree(confirmed.value());
        assertTrue(e.get("confirmedBy").isNull());
        assertEquals("LACTOMIN", e.get("channel").asText());
        assertEquals("Иван Петров", e.at("/recipient/name").asText());
        assertTrue(e.at("/recipient/phone").asText().startsWith("+7912"));

        PaymentTest.signed(PaymentTest.callback("pay_" + UUID.randomUUID(), id, 249000)).statusCode(200)
                .body("result", equalTo("PAID"));
        given().auth().oauth2(Orders.MANAGER).get("/orders/{id}/history", id).then()
                .body("toStatus", org.hamcrest.Matchers.contains("NEW", "AWAITING_PAYMENT", null, "PAID"))
                .body("[1].actor", equalTo("storefront:LACTOMIN"));
    }

    /** A storefront order for 1 x WHEY-CHOC-900 (249000), every term agreed, spending these points. */
    String withPoints(String phone, String email, String points) {
        java.time.LocalDate date = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Moscow"))).plusDays(2);
        return body("LM-" + UUID.randomUUID(), phone, email).replace("\"pickupPointId\":\"CDEK-1\"",
                "\"pickupPointId\":\"CDEK-1\",\"deliveryDate\":\"" + date + "\",\"windowFrom\":\"10:00\",\"windowTo\":\"20:00\"")
                .replace("\"lines\"", "\"bonusPoints\":" + points + ",\"lines\"");
    }

    long ordersOf(String body) throws Exception {
        String number = mapper.readTree(body).get("storefrontOrderNumber").asText();
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(o) from Order o where o.storefrontOrderNumber = :n", Long.class)
                .setParameter("n", number).getSingleResult());
    }

    @Test
    void R3_R11_aStorefrontOrderSpendsPointsWithinTheCapAndIsRefusedAboveItWithNothingStored() throws Exception {
        String email = "points-" + UUID.randomUUID() + "@example.org";
        String phone = randomPhone();
        String first = body("LM-" + UUID.randomUUID(), phone, email);
        String customer = send("LACTOMIN", first, Orders.sign(LACTOMIN_SECRET, first)).statusCode(201)
                .extract().path("customerId");
        UUID customerId = UUID.fromString(customer);
        BonusTest.earn16470(customerId, java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Moscow"))).plusDays(1));

        String aboveCap = withPoints(phone, email, "49801"); // 20% of 249000 = 49800
        send("LACTOMIN", aboveCap, Orders.sign(LACTOMIN_SECRET, aboveCap)).statusCode(422)
                .contentType("application/problem+json").body("maxPoints", equalTo(49800))
                .body("detail", containsString("R11")).body("errors.field", hasItem("points"));
        String aboveBalance = withPoints(phone, email, "16471");
        send("LACTOMIN", aboveBalance, Orders.sign(LACTOMIN_SECRET, aboveBalance)).statusCode(422)
                .contentType("application/problem+json").body("balancePoints", equalTo(16470));
        String negative = withPoints(phone, email, "-1");
        send("LACTOMIN", negative, Orders.sign(LACTOMIN_SECRET, negative)).statusCode(400)
                .contentType("application/problem+json");
        assertEquals(0, ordersOf(aboveCap), "a refused order is not stored");
        assertEquals(0, ordersOf(aboveBalance));
        BonusTest.account(customerId).body("balancePoints", equalTo(16470)).body("ledger.size()", equalTo(1));

        String within = withPoints(phone, email, "10000");
        String id = send("LACTOMIN", within, Orders.sign(LACTOMIN_SECRET, within)).statusCode(201)
                .body("customerId", equalTo(customer))
                .body("status", equalTo("AWAITING_PAYMENT")) // confirmed at intake: the points are debited
                .body("payableKopecks", equalTo(239000)).extract().path("id");
        BonusTest.account(customerId).body("balancePoints", equalTo(6470))
                .body("ledger.kind", equalTo(java.util.List.of("EARNED", "SPENT")))
                .body("ledger[1].orderId", equalTo(id)).body("ledger[1].points", equalTo(10000));
        JsonNode confirmed = mapper.readTree(OrderLifecycleTest.event(id, "ru.parus.order.OrderConfirmed.v1").value());
        assertEquals(10000, confirmed.get("bonusSpentKopecks").asLong());
    }
}
