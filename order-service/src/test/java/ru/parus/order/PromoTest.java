package ru.parus.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import ru.parus.infra.test.TestKafka;

/** R11: promo codes and how they combine with the manager's discount (the larger of the two). */
@QuarkusTest
class PromoTest {
    @Inject
    java.time.Clock clock;
    @Inject
    ObjectMapper mapper;

    String code(String kind, String value, String from, String to, long minTotal, int perCustomer, int total,
            String channel) {
        String code = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String money = kind.equals("PERCENT") ? "\"percent\":" + value : "\"amountKopecks\":" + value;
        given().auth().oauth2(Orders.HEAD).contentType(ContentType.JSON)
                .body("{\"code\":\"%s\",\"kind\":\"%s\",%s,\"validFrom\":\"%s\",\"validTo\":\"%s\",\"minTotalKopecks\":%d,"
                        .formatted(code, kind, money, from, to, minTotal)
                        + "\"perCustomerLimit\":%d,\"totalLimit\":%d,\"channel\":%s}".formatted(perCustomer, total,
                                channel == null ? "null" : "\"" + channel + "\""))
                .post("/promo-codes").then().statusCode(201);
        return code;
    }

    String now(long days) {
        return OffsetDateTime.now(clock).plusDays(days).toString();
    }

    static ValidatableResponse apply(String orderId, String code) {
        return given().auth().oauth2(Orders.MANAGER).contentType(ContentType.JSON).body("{\"code\":\"" + code + "\"}")
                .post("/orders/{id}/promo-code", orderId).then();
    }

    @Test
    void R11_aPercentCodeAndTheManagersDiscountGiveTheLargerNeverTheSum() {
        String code = code("PERCENT", "4", now(-1), now(30), 0, 1, 100, null);
        String id = Orders.placePhoneOrder();
        DiscountTest.discount(id, "3").statusCode(200);
        apply(id, code.toLowerCase()).statusCode(200).body("promoKopecks", equalTo(21960))
                .body("managerDiscountKopecks", equalTo(16470)).body("discountKopecks", equalTo(21960))
                .body("payableKopecks", equalTo(527040));
        DiscountTest.discount(id, "5").statusCode(200).body("discountKopecks", equalTo(27450)); // 5% > 4%, not 9%
        DiscountTest.order(id).body("discountKopecks", equalTo(27450));
        // a promo code does not lift a pending request past the ladder: still 5% until the head decides
        DiscountTest.discount(id, "7").statusCode(202).body("discountKopecks", equalTo(27450));
    }

    @Test
    void R11_aFixedCodeIsCappedByTheTotalAndOneCodePerOrder() {
        String fixed = code("FIXED", "50000", now(-1), now(30), 0, 5, 100, null);
        String other = code("PERCENT", "1", now(-1), now(30), 0, 5, 100, null);
        String id = Orders.placePhoneOrder();
        apply(id, fixed).statusCode(200).body("discountKopecks", equalTo(50000)).body("payableKopecks", equalTo(499000));
        apply(id, other).statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(Orders.MANAGER).get("/orders/{id}/history", id).then()
                .body("reason", hasItem("R11: promo code " + fixed + " applied"));
    }

    @Test
    void R11_validityChannelMinimumTotalAndUsageLimitsAreEnforced() {
        String expired = code("PERCENT", "10", now(-10), now(-1), 0, 5, 100, null);
        String future = code("PERCENT", "10", now(1), now(10), 0, 5, 100, null);
        String storefront = code("PERCENT", "10", now(-1), now(10), 0, 5, 100, "LACTOMIN");
        String big = code("PERCENT", "10", now(-1), now(10), 600000, 5, 100, null);
        String once = code("PERCENT", "10", now(-1), now(10), 0, 5, 1, null);
        String id = Orders.placePhoneOrder();
        for (String c : new String[] { expired, future, storefront, big, "NO-SUCH-CODE" }) {
            apply(id, c).statusCode(422).contentType("application/problem+json").body("errors.field", hasItem("code"));
        }
        DiscountTest.order(id).body("discountKopecks", equalTo(0));
        apply(id, once).statusCode(200);
        apply(Orders.placePhoneOrder(), once).statusCode(422).body("detail", org.hamcrest.Matchers.containsString("used up"));
    }

    @Test
    void R11_perCustomerLimit() {
        String code = code("PERCENT", "10", now(-1), now(10), 0, 1, 100, null);
        UUID customer = UUID.randomUUID();
        String first = OrderApiTest.place(OrderApiTest.order(customer), null).statusCode(201).extract().path("id");
        String second = OrderApiTest.place(OrderApiTest.order(customer), null).statusCode(201).extract().path("id");
        apply(first, code).statusCode(200);
        apply(second, code).statusCode(422).body("detail", org.hamcrest.Matchers.containsString("this customer"));
        apply(Orders.placePhoneOrder(), code).statusCode(200); // another customer
    }

    @Test
    void R11_aConfirmedOrderTakesNoCodeAndBadCodesAreProblems() {
        String code = code("PERCENT", "10", now(-1), now(10), 0, 5, 100, null);
        String id = Orders.placePhoneOrder();
        Orders.agree(id, Orders.courierCash(java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Moscow"))).plusDays(2)))
                .statusCode(200);
        Orders.confirm(id).statusCode(200);
        apply(id, code).statusCode(409).contentType("application/problem+json");
        apply(id, "").statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Orders.MANAGER).contentType(ContentType.JSON).body("{\"code\":\"X1X\",\"kind\":\"PERCENT\","
                + "\"percent\":5,\"validFrom\":\"2026-01-01T00:00:00Z\",\"validTo\":\"2027-01-01T00:00:00Z\",\"perCustomerLimit\":1,"
                + "\"totalLimit\":1}").post("/promo-codes").then().statusCode(403);
        for (String body : new String[] {
                "{\"code\":\"BAD1\",\"kind\":\"PERCENT\",\"amountKopecks\":5,\"validFrom\":\"2026-01-01T00:00:00Z\",\"validTo\":\"2027-01-01T00:00:00Z\",\"perCustomerLimit\":1,\"totalLimit\":1}",
                "{\"code\":\"BAD2\",\"kind\":\"FIXED\",\"amountKopecks\":0,\"validFrom\":\"2026-01-01T00:00:00Z\",\"validTo\":\"2027-01-01T00:00:00Z\",\"perCustomerLimit\":1,\"totalLimit\":1}",
                "{\"code\":\"BAD3\",\"kind\":\"PERCENT\",\"percent\":5,\"validFrom\":\"2027-01-01T00:00:00Z\",\"validTo\":\"2026-01-01T00:00:00Z\",\"perCustomerLimit\":1,\"totalLimit\":1}",
                "{\"code\":\"BAD4\",\"kind\":\"PERCENT\",\"percent\":5,\"validFrom\":\"2026-01-01T00:00:00Z\",\"validTo\":\"2027-01-01T00:00:00Z\",\"perCustomerLimit\":0,\"totalLimit\":1}",
                "{\"code\":\"BAD5\",\"kind\":\"PERCENT\",\"percent\":5}" }) {
            given().auth().oauth2(Orders.HEAD).contentType(ContentType.JSON).body(body).post("/promo-codes").then()
                    .statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(Orders.MANAGER).get("/promo-codes").then().statusCode(200).body("code", hasItem(code));
    }

    /** The code's events of this type on order-events (key = the code), each checked against its schema. */
    List<JsonNode> events(String code, String name, int expected) throws Exception {
        List<ConsumerRecord<String, String>> records = TestKafka.awaitRecords("order-events", r -> code.equals(r.key())
                && ("ru.parus.order." + name + ".v1").equals(TestKafka.header(r, "ce_type")), expected + 1,
                Duration.ofSeconds(3));
        assertEquals(expected, records.size(), name + " for " + code);
        java.util.ArrayList<JsonNode> out = new java.util.ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            OrderLifecycleTest.assertValid(name + ".v1", r.value());
            out.add(mapper.readTree(r.value()));
        }
        return out;
    }

    static ValidatableResponse cancel(String orderId) {
        return given().auth().oauth2(Orders.MANAGER).contentType(ContentType.JSON).body("{\"reason\":\"передумал\"}")
                .post("/orders/{id}/cancel", orderId).then();
    }

    @Test
    void R11_aCancelledOrderGivesItsPromoUseBackOnce() throws Exception {
        String code = code("PERCENT", "10", now(-1), now(10), 0, 1, 1, null);
        UUID customer = UUID.randomUUID();
        String first = OrderApiTest.place(OrderApiTest.order(customer), null).statusCode(201).extract().path("id");
        String second = OrderApiTest.place(OrderApiTest.order(customer), null).statusCode(201).extract().path("id");
        apply(first, code).statusCode(200);
        apply(second, code).statusCode(422).body("detail", org.hamcrest.Matchers.containsString("used up"));

        cancel(first).statusCode(200);
        cancel(first).statusCode(409).contentType("application/problem+json"); // once: nothing more is given back
        given().auth().oauth2(Orders.MANAGER).get("/orders/{id}/history", first).then()
                .body("reason", hasItem("R11: promo code " + code + " use given back (order cancelled)"));
        JsonNode released = events(code, "PromoCodeRedemptionReleased", 1).get(0);
        assertEquals(first, released.get("orderId").asText());
        assertEquals(0, released.get("usedCount").asLong());
        assertEquals("передумал", released.get("reason").asText());

        // the use and the per-customer limit are free again: the same customer's other order takes the code
        apply(second, code).statusCode(200);
        apply(Orders.placePhoneOrder(), code).statusCode(422).body("detail", org.hamcrest.Matchers.containsString("used up"));
        List<JsonNode> redeemed = events(code, "PromoCodeRedeemed", 2);
        assertEquals(List.of(first, second), redeemed.stream().map(e -> e.get("orderId").asText()).toList());
        assertEquals(List.of(1L, 1L), redeemed.stream().map(e -> e.get("usedCount").asLong()).toList());
    }

    @Test
    void R11_creatingChangingAndUsingACodeArePublishedOnOrderEvents() throws Exception {
        String code = code("FIXED", "50000", now(-1), now(30), 0, 5, 100, null);
        JsonNode created = events(code, "PromoCodeCreated", 1).get(0);
        assertEquals("FIXED", created.get("kind").asText());
        assertEquals(50000, created.get("amountKopecks").asLong());
        assertEquals("head-1", created.get("changedBy").asText());
        assertEquals(0, created.get("version").asLong());

        String etag = given().auth().oauth2(Orders.MANAGER).get("/promo-codes/{c}", code.toLowerCase()).then()
                .statusCode(200).body("totalLimit", equalTo(100)).extract().header("ETag");
        String from = now(-1);
        String to = now(60);
        String change = "{\"validFrom\":\"%s\",\"validTo\":\"%s\",\"minTotalKopecks\":100000,\"perCustomerLimit\":2,"
                .formatted(from, to) + "\"totalLimit\":300,\"channel\":\"PHONE\"}";
        given().auth().oauth2(Orders.HEAD).contentType(ContentType.JSON).body(change).put("/promo-codes/{c}", code).then()
                .statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(Orders.HEAD).contentType(ContentType.JSON).header("If-Match", "\"7\"").body(change)
                .put("/promo-codes/{c}", code).then().statusCode(412).body("currentVersion", equalTo(0));
        given().auth().oauth2(Orders.MANAGER).contentType(ContentType.JSON).header("If-Match", etag).body(change)
                .put("/promo-codes/{c}", code).then().statusCode(403);
        given().auth().oauth2(Orders.HEAD).contentType(ContentType.JSON).header("If-Match", etag)
                .body(change.replace(to, now(-2))).put("/promo-codes/{c}", code).then().statusCode(400)
                .body("errors.field", hasItem("validTo"));
        given().auth().oauth2(Orders.HEAD).contentType(ContentType.JSON).header("If-Match", etag).body(change)
                .put("/promo-codes/{c}", "NO-SUCH-CODE").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Orders.HEAD).contentType(ContentType.JSON).header("If-Match", etag).body(change)
                .put("/promo-codes/{c}", code).then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("totalLimit", equalTo(300)).body("channel", equalTo("PHONE")).body("changedBy", equalTo("head-1"));
        JsonNode changed = events(code, "PromoCodeChanged", 1).get(0);
        assertEquals(300, changed.get("totalLimit").asInt());
        assertEquals(2, changed.get("perCustomerLimit").asInt());
        assertEquals("PHONE", changed.get("channel").asText());
        assertEquals(1, changed.get("version").asLong());

        String id = Orders.placePhoneOrder();
        apply(id, code).statusCode(200);
        JsonNode redeemed = events(code, "PromoCodeRedeemed", 1).get(0);
        assertEquals(id, redeemed.get("orderId").asText());
        assertEquals("manager-1", redeemed.get("appliedBy").asText());
        assertEquals(50000, redeemed.get("promoKopecks").asLong());
        assertEquals(1, redeemed.get("usedCount").asLong());
        assertEquals(300, redeemed.get("totalLimit").asInt());
    }
}
