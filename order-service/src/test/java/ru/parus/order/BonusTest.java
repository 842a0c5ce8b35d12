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

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import ru.parus.infra.test.TestKafka;

/** R11: bonus points: earned when paid, spent on an order (discount first), debited at confirmation, returned. */
@QuarkusTest
class BonusTest {
    @Inject
    Clock clock;
    @Inject
    ObjectMapper mapper;

    LocalDate tomorrow() {
        return LocalDate.now(clock.withZone(ZoneId.of("Europe/Moscow"))).plusDays(1);
    }

    /** A phone order of 549000 kopecks for the customer, its R7 offers answered. */
    static String placeFor(UUID customer) {
        String id = OrderApiTest.place(OrderApiTest.order(customer), null).statusCode(201).extract().path("id");
        for (String sku : new String[] { "SHAKER-700", "OMEGA3-90" }) {
            given().auth().oauth2(Orders.MANAGER).contentType(ContentType.JSON)
                    .body("{\"sku\":\"" + sku + "\",\"answer\":\"DECLINED\"}").post("/orders/{id}/offers", id).then()
                    .statusCode(201);
        }
        return id;
    }

    static ValidatableResponse spend(String orderId, String points) {
        return given().auth().oauth2(Orders.MANAGER).contentType(ContentType.JSON).body("{\"points\":" + points + "}")
                .post("/orders/{id}/bonus", orderId).then();
    }

    static ValidatableResponse account(UUID customer) {
        return given().auth().oauth2(Orders.MANAGER).get("/customers/{c}/bonus", customer).then().statusCode(200);
    }

    /** Pays a 549000 online order of the customer: 3% = 16470 points. */
    String earn16470(UUID customer) {
        return earn16470(customer, tomorrow());
    }

    /** Pays a 549000 online order of the customer, delivered on {@code date}: 3% = 16470 points. */
    static String earn16470(UUID customer, LocalDate date) {
        String id = placeFor(customer);
        Orders.agree(id, Orders.online(date)).statusCode(200);
        Orders.confirm(id).statusCode(200);
        String body = PaymentTest.callback("pay_" + UUID.randomUUID(), id, 549000);
        PaymentTest.signed(body).statusCode(200).body("result", equalTo("PAID"));
        PaymentTest.signed(body).statusCode(200).body("result", equalTo("ALREADY_RECORDED"));
        return id;
    }

    @Test
    void R11_pointsAreEarnedOncePerPaidOrderSpentAfterTheDiscountAndDebitedAtConfirmation() throws Exception {
        UUID customer = UUID.randomUUID();
        account(customer).body("balancePoints", equalTo(0));
        String paid = earn16470(customer);
        account(customer).body("balancePoints", equalTo(16470)).body("ledger.size()", equalTo(1))
                .body("ledger[0].kind", equalTo("EARNED")).body("ledger[0].orderId", equalTo(paid))
                .body("ledger[0].points", equalTo(16470));

        String id = placeFor(customer);
        DiscountTest.discount(id, "5").statusCode(200); // 27450 off: 521550 after the discount, cap 20% = 104310
        spend(id, "20000").statusCode(422).contentType("application/problem+json").body("balancePoints", equalTo(16470));
        spend(id, "10000").statusCode(200).body("payableKopecks", equalTo(511550)).body("maxPoints", equalTo(104310));
        spend(id, "16470").statusCode(200).body("bonusPoints", equalTo(16470)).body("payableKopecks", equalTo(505080));
        account(customer).body("balancePoints", equalTo(16470)); // not debited before confirmation
        Orders.agree(id, Orders.courierCash(tomorrow())).statusCode(200);
        Orders.confirm(id).statusCode(200);
        account(customer).body("balancePoints", equalTo(0)).body("ledger.kind", hasItem("SPENT"));

        List<ConsumerRecord<String, String>> confirmed = TestKafka.awaitRecords("order-events", r -> id.equals(r.key())
                && "ru.parus.order.OrderConfirmed.v1".equals(TestKafka.header(r, "ce_type")), 1, Duration.ofSeconds(10));
        OrderLifecycleTest.assertValid("OrderConfirmed.v1", confirmed.get(0).value());
        JsonNode e = mapper.readTree(confirmed.get(0).value());
        assertEquals(27450, e.get("discountKopecks").asLong());
        assertEquals(16470, e.get("bonusSpentKopecks").asLong());
        assertEquals(505080, e.get("payableKopecks").asLong());
        assertEquals(505080, e.get("cashOnDeliveryKopecks").asLong());

        spend(id, "0").statusCode(409).contentType("application/problem+json").body("currentStatus", equalTo("CONFIRMED"));
        given().auth().oauth2(Orders.MANAGER).contentType(ContentType.JSON).body("{\"reason\":\"передумал\"}")
                .post("/orders/{id}/cancel", id).then().statusCode(200);
        account(customer).body("balancePoints", equalTo(16470)).body("ledger.kind", equalTo(List.of("EARNED", "SPENT", "RETURNED")));
    }

    @Test
    void R11_twoOpenOrdersCannotSpendTheSamePoints() {
        UUID customer = UUID.randomUUID();
        earn16470(customer);
        String first = placeFor(customer);
        String second = placeFor(customer);
        spend(first, "16470").statusCode(200);
        spend(second, "16470").statusCode(200);
        Orders.agree(first, Orders.courierCash(tomorrow())).statusCode(200);
        Orders.agree(second, Orders.courierCash(tomorrow())).statusCode(200);
        Orders.confirm(first).statusCode(200);
        Orders.confirm(second).statusCode(422).contentType("application/problem+json")
                .body("balancePoints", equalTo(0)).body("detail", containsString("R11"));
        DiscountTest.order(second).body("status", equalTo("NEW"));
        account(customer).body("balancePoints", equalTo(0));
        spend(second, "0").statusCode(200).body("payableKopecks", equalTo(549000));
        Orders.confirm(second).statusCode(200);
    }

    @Test
    void R11_cashOnDeliveryEarnsOnceOnItsPayableAmount() throws Exception {
        UUID customer = UUID.randomUUID();
        String id = placeFor(customer);
        DiscountTest.discount(id, "5").statusCode(200); // payable 521550: 3% rounded down = 15646
        Orders.agree(id, Orders.courierCash(tomorrow())).statusCode(200);
        Orders.confirm(id).statusCode(200);
        String type = "ru.parus.fulfillment.ShipmentDelivered.v1";
        String shipment = "SHP-" + UUID.randomUUID();
        String payload = PaymentTest.shipmentDelivered(shipment, id, 521550);
        TestKafka.send("fulfillment-events", shipment, payload, TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), type));
        TestKafka.send("fulfillment-events", shipment, payload, TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), type));
        await().atMost(Duration.ofSeconds(15)).until(() -> given().auth().oauth2(Orders.MANAGER)
                .get("/customers/{c}/bonus", customer).then().extract().path("balancePoints").equals(15646));
        account(customer).body("ledger.size()", equalTo(1)).body("ledger[0].kind", equalTo("EARNED"));
    }

    @Test
    void R11_badSpendsAreProblems() {
        UUID customer = UUID.randomUUID();
        earn16470(customer);
        String id = placeFor(customer);
        spend(id, "-1").statusCode(400).contentType("application/problem+json");
        spend(id, "null").statusCode(400).contentType("application/problem+json");
        spend(id, "\"x\"").statusCode(400).contentType("application/problem+json");
        spend(id, "109801").statusCode(422).contentType("application/problem+json") // 20% of 549000 = 109800
                .body("maxPoints", equalTo(109800)).body("errors.field", hasItem("points"));
        spend(id, "16471").statusCode(422).body("balancePoints", equalTo(16470));
        spend(UUID.randomUUID().toString(), "1").statusCode(404).contentType("application/problem+json");
        DiscountTest.order(id).body("payableKopecks", equalTo(549000));
    }
}
