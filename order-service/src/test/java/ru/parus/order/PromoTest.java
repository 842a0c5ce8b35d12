package ru.parus.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** R11: promo codes and how they combine with the manager's discount (the larger of the two). */
@QuarkusTest
class PromoTest {
    @Inject
    java.time.Clock clock;

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
}
