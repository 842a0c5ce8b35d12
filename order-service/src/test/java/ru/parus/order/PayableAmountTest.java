package ru.parus.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * R9, R10, R11 (issue 18): what the customer pays has one definition, {@code Order.payableKopecks()}; the column
 * {@code customer_order.payable_kopecks} that SQL reads (the R15 scan) is stored by the entity and must equal it after
 * every change: placement, the manager's discount, a promo code, bonus points, the head's approval, a line change that
 * voids it, a payment.
 */
@QuarkusTest
class PayableAmountTest {
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /** The row as SQL sees it. */
    long stored(String orderId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT payable_kopecks FROM customer_order WHERE id = CAST(?1 AS uuid)").setParameter(1, orderId)
                .getSingleResult()).longValue());
    }

    /** {@code Order.payableKopecks()} as the order's own answer shows it, and the stored column: both {@code expected}. */
    void assertPayable(String orderId, long expected, String after) {
        long api = ((Number) DiscountTest.order(orderId).extract().path("payableKopecks")).longValue();
        assertEquals(expected, api, "Order.payableKopecks() after " + after);
        assertEquals(expected, stored(orderId), "payable_kopecks after " + after);
    }

    String promoCode(String percent) {
        String code = "PAY" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().auth().oauth2(Orders.HEAD).contentType(ContentType.JSON)
                .body("{\"code\":\"%s\",\"kind\":\"PERCENT\",\"percent\":%s,\"validFrom\":\"%s\",\"validTo\":\"%s\","
                        .formatted(code, percent, OffsetDateTime.now(clock).minusDays(1), OffsetDateTime.now(clock).plusDays(30))
                        + "\"minTotalKopecks\":0,\"perCustomerLimit\":1,\"totalLimit\":10,\"channel\":null}")
                .post("/promo-codes").then().statusCode(201);
        return code;
    }

    @Test
    void R9_R10_R11_theStoredPayableIsTheOrdersOwnAfterDiscountPromoAndBonusChanges() {
        UUID customer = UUID.randomUUID();
        LocalDate tomorrow = LocalDate.now(clock.withZone(ZoneId.of("Europe/Moscow"))).plusDays(1);
        // points to spend: a paid online order of 549000 earns 3 % = 16470 (R11)
        String paid = BonusTest.placeFor(customer);
        Orders.agree(paid, Orders.online(tomorrow)).statusCode(200);
        Orders.confirm(paid).statusCode(200);
        PaymentTest.signed(PaymentTest.callback("pay_" + UUID.randomUUID(), paid, 549000)).statusCode(200)
                .body("result", equalTo("PAID"));
        assertPayable(paid, 549000, "confirmation and payment");

        String id = BonusTest.placeFor(customer);
        assertPayable(id, 549000, "placement");
        DiscountTest.discount(id, "3.35").statusCode(200); // R9: 18391.5 -> 18392 half-up
        assertPayable(id, 530608, "the manager's 3.35 %");
        PromoTest.apply(id, promoCode("4")).statusCode(200); // R11: 4 % = 21960, larger than the manager's
        assertPayable(id, 527040, "a 4 % promo code");
        BonusTest.spend(id, "10000").statusCode(200); // R11: points after the discount
        assertPayable(id, 517040, "10000 bonus points");
        String request = DiscountTest.requestSeven(id); // R10: the order keeps the manager's 5 % = 27450 meanwhile
        assertPayable(id, 511550, "a request for 7 %");
        DiscountTest.approve(Orders.HEAD, request).statusCode(200); // R10: 7 % = 38430
        assertPayable(id, 500570, "the head's approval");
        DiscountTest.acceptOffer(id, "VIT-D3-120"); // + 69000 = 618000; R10: the approval is void, back to 5 % = 30900
        assertPayable(id, 577100, "a line change voiding the approval");
        BonusTest.spend(id, "0").statusCode(200);
        assertPayable(id, 587100, "removing the points");
        DiscountTest.discount(id, "0").statusCode(200); // the promo code's 4 % = 24720 remains
        assertPayable(id, 593280, "removing the manager's discount");
    }
}
