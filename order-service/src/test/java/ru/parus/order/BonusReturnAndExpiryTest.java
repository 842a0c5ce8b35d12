package ru.parus.order;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import ru.parus.infra.test.TestKafka;
import ru.parus.order.service.BonusExpiryScanner;
import ru.parus.platform.testing.EventSchemas;

/**
 * R11, issue 17: a returned order settles its points (spent given back, earned taken back, once, never below zero);
 * earned points expire after 12 months, oldest first, with a warning a week before.
 */
@QuarkusTest
class BonusReturnAndExpiryTest {
    static final String EXPIRING = "ru.parus.order.BonusPointsExpiring.v1";

    @Inject
    Clock clock;
    @Inject
    BonusExpiryScanner scanner;
    @Inject
    ObjectMapper mapper;
    @Inject
    EntityManager em;

    LocalDate tomorrow() {
        return LocalDate.now(clock.withZone(ZoneId.of("Europe/Moscow"))).plusDays(1);
    }

    /** fulfillment-service's ShipmentReturned for the order, as its schema allows, under a fresh event id. */
    static void shipmentReturned(String orderId) throws Exception {
        ObjectNode e = EventSchemas.example("ShipmentReturned.v1");
        e.put("orderId", orderId);
        e.put("shipmentId", UUID.randomUUID().toString());
        TestKafka.send("fulfillment-events", orderId, EventSchemas.checked("ShipmentReturned.v1", e),
                TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), "ru.parus.fulfillment.ShipmentReturned.v1"));
    }

    static long balance(UUID customer) {
        return ((Number) BonusTest.account(customer).extract().path("balancePoints")).longValue();
    }

    /** Waits until the balance is as expected (the consumer is asynchronous). */
    static void awaitBalance(UUID customer, long points) {
        await().atMost(Duration.ofSeconds(15)).until(() -> balance(customer) == points);
    }

    @Test
    void R11_aReturnedPaidOrderGivesBackTheSpentPointsAndTakesBackTheEarnedOnesOnce() throws Exception {
        UUID customer = UUID.randomUUID();
        String earlier = BonusTest.earn16470(customer, tomorrow());
        String returned = BonusTest.placeFor(customer);
        BonusTest.spend(returned, "10000").statusCode(200);
        Orders.agree(returned, Orders.online(tomorrow())).statusCode(200);
        Orders.confirm(returned).statusCode(200);
        PaymentTest.signed(PaymentTest.callback("pay_" + UUID.randomUUID(), returned, 539000)).statusCode(200);
        assertEquals(16470 - 10000 + 16170, balance(customer), "3% of 539000 earned");

        shipmentReturned(returned);
        shipmentReturned(returned); // another event for the same return: the order is settled once
        awaitBalance(customer, 16470 + 16170 - 16170 - 10000 + 10000);
        shipmentReturned(earlier); // a later event on the topic: the two before it were handled
        awaitBalance(customer, 0);
        Thread.sleep(1500); // a duplicate handled late would show below
        BonusTest.account(customer)
                .body("ledger.kind", equalTo(List.of("EARNED", "SPENT", "EARNED", "RETURNED", "REVOKED", "REVOKED")))
                .body("ledger.orderId", equalTo(List.of(earlier, returned, returned, returned, returned, earlier)))
                .body("ledger[3].points", equalTo(10000))
                .body("ledger[4].points", equalTo(16170)).body("ledger[4].shortfallPoints", equalTo(0))
                .body("ledger[5].points", equalTo(16470)).body("ledger[5].shortfallPoints", equalTo(0));
        given().auth().oauth2(Orders.MANAGER).get("/orders/{id}/history", returned).then()
                .body("findAll { it.reason?.startsWith('R11: shipment') }.size()", equalTo(1));
    }

    @Test
    void R11_aReturnTakesBackOnlyWhatIsLeftAndRecordsTheShortfall() throws Exception {
        UUID customer = UUID.randomUUID();
        String earned = BonusTest.earn16470(customer, tomorrow());
        String spending = BonusTest.placeFor(customer);
        BonusTest.spend(spending, "16000").statusCode(200);
        Orders.agree(spending, Orders.courierCash(tomorrow())).statusCode(200);
        Orders.confirm(spending).statusCode(200);
        assertEquals(470, balance(customer));

        shipmentReturned(earned);
        awaitBalance(customer, 0); // never below zero: 470 taken back, 16000 could not be
        BonusTest.account(customer).body("ledger.kind", equalTo(List.of("EARNED", "SPENT", "REVOKED")))
                .body("ledger[2].points", equalTo(470)).body("ledger[2].shortfallPoints", equalTo(16000));
        shipmentReturned(earned); // again: nothing more is taken
        shipmentReturned(spending); // the unpaid order that spent 16000 comes back: they are given back
        awaitBalance(customer, 16000);
        Thread.sleep(1500);
        BonusTest.account(customer).body("ledger.kind", equalTo(List.of("EARNED", "SPENT", "REVOKED", "RETURNED")));
    }

    /**
     * Dates the earning of {@code orderId} back to {@code at}. The test ages the earnings instead of moving the shared
     * clock by a year, which would leave every later test class in a year whose dated data (featured products,
     * real-time delivery dates) no longer fits.
     */
    void earnedAt(String orderId, OffsetDateTime at) {
        QuarkusTransaction.requiringNew().run(() -> assertEquals(1, em.createNativeQuery(
                "UPDATE bonus_entry SET at = ?1 WHERE order_id = ?2 AND kind = 'EARNED'")
                .setParameter(1, at).setParameter(2, UUID.fromString(orderId)).executeUpdate()));
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    List<ConsumerRecord<String, String>> warnings(UUID customer, int atLeast, Duration wait) {
        return TestKafka.awaitRecords("order-events", r -> customer.toString().equals(r.key())
                && EXPIRING.equals(TestKafka.header(r, "ce_type")), atLeast, wait);
    }

    @Test
    void R11_pointsExpireAfterTwelveMonthsOldestFirstWithOneWarningAWeekBeforeAndOneDebit() throws Exception {
        UUID customer = UUID.randomUUID();
        String first = BonusTest.earn16470(customer, tomorrow());
        String second = BonusTest.earn16470(customer, tomorrow());
        earnedAt(first, now().minusMonths(12).plusDays(7).plusMinutes(2)); // the older earning, by a month
        earnedAt(second, now().minusMonths(11).plusDays(7));
        String spending = BonusTest.placeFor(customer);
        BonusTest.spend(spending, "10000").statusCode(200); // FIFO: from the first earning, 6470 of it left
        Orders.agree(spending, Orders.courierCash(tomorrow())).statusCode(200);
        Orders.confirm(spending).statusCode(200);
        assertEquals(22940, balance(customer));

        scanner.scan(); // more than a week before the first earning expires: no warning yet
        assertEquals(0, warnings(customer, 1, Duration.ofSeconds(2)).size(), "not before the warning time");
        // then: one warning about what is left of the first earning, however many scans follow
        OffsetDateTime firstAt = now().minusMonths(12).plusDays(7).minusMinutes(1);
        earnedAt(first, firstAt);
        scanner.scan();
        scanner.scan();
        List<ConsumerRecord<String, String>> warned = warnings(customer, 2, Duration.ofSeconds(5));
        assertEquals(1, warned.size(), "one warning per expiring earning");
        OrderLifecycleTest.assertValid("BonusPointsExpiring.v1", warned.get(0).value());
        JsonNode e = mapper.readTree(warned.get(0).value());
        assertEquals(customer.toString(), e.get("customerId").asText());
        assertEquals(6470, e.get("expiringPoints").asLong(), "only the unspent remainder expires");
        assertEquals(22940, e.get("balancePoints").asLong());
        assertEquals(first, e.get("earnedOrderId").asText());
        assertEquals(firstAt.plusMonths(12).toInstant(), OffsetDateTime.parse(e.get("expiresAt").asText()).toInstant());
        assertEquals(22940, balance(customer), "a warning takes nothing");

        // at expiry: the remainder is debited once
        earnedAt(first, now().minusMonths(12).minusMinutes(1));
        scanner.scan();
        scanner.scan();
        // a scheduled scan may hold the scan lock (ScanLock) and have read before the update: the next one debits
        await().atMost(Duration.ofSeconds(15)).until(() -> balance(customer) != 22940);
        assertEquals(16470, balance(customer), "the second earning stays whole");
        BonusTest.account(customer).body("ledger.kind", equalTo(List.of("EARNED", "EARNED", "SPENT", "EXPIRED")))
                .body("ledger[3].orderId", equalTo(first)).body("ledger[3].points", equalTo(6470));

        // the second earning: its warning, then all of it expires, once
        earnedAt(second, now().minusMonths(12).plusDays(6));
        scanner.scan();
        List<ConsumerRecord<String, String>> both = warnings(customer, 2, Duration.ofSeconds(10));
        assertEquals(2, both.size());
        OrderLifecycleTest.assertValid("BonusPointsExpiring.v1", both.get(1).value());
        JsonNode later = mapper.readTree(both.get(1).value());
        assertEquals(16470, later.get("expiringPoints").asLong());
        assertEquals(second, later.get("earnedOrderId").asText());
        earnedAt(second, now().minusMonths(12).minusMinutes(1));
        scanner.scan();
        scanner.scan();
        await().atMost(Duration.ofSeconds(15)).until(() -> balance(customer) != 16470);
        assertEquals(0, balance(customer));
        BonusTest.account(customer)
                .body("ledger.kind", equalTo(List.of("EARNED", "EARNED", "SPENT", "EXPIRED", "EXPIRED")))
                .body("ledger[4].orderId", equalTo(second)).body("ledger[4].points", equalTo(16470));
    }
}
