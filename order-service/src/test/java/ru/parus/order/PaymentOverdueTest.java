package ru.parus.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import ru.parus.infra.test.TestKafka;
import ru.parus.order.service.PaymentOverdueScanner;

/** R15: an ONLINE order unpaid 2 days after placement publishes OrderPaymentOverdue once, within seconds. */
@QuarkusTest
class PaymentOverdueTest {
    static final String OVERDUE = "ru.parus.order.OrderPaymentOverdue.v1";

    @Inject
    MutableClock clock;
    @Inject
    PaymentOverdueScanner scanner;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper mapper;

    LocalDate inDays(int days) {
        return LocalDate.now(clock.withZone(ZoneId.of("Europe/Moscow"))).plusDays(days);
    }

    long outboxRows(String orderId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(m) from OutboxMessage m where m.aggregateId = :id and m.eventType = :t", Long.class)
                .setParameter("id", orderId).setParameter("t", OVERDUE).getSingleResult());
    }

    @Test
    void R15_anUnpaidOnlineOrderIsReportedOnceWithinSecondsAfterTwoDays() throws Exception {
        String unpaid = Orders.confirmedOnlineOrder(inDays(5));
        String paid = Orders.confirmedOnlineOrder(inDays(5));
        PaymentTest.signed(PaymentTest.callback("pay_" + UUID.randomUUID(), paid, 549000)).statusCode(200);
        String cash = Orders.placePhoneOrder();
        Orders.agree(cash, Orders.courierCash(inDays(5))).statusCode(200);

        clock.advance(Duration.ofDays(2).minusMinutes(1));
        Thread.sleep(2500); // two scans at 1 s (test setting): not yet overdue
        assertEquals(0, outboxRows(unpaid), "not before the threshold");

        clock.advance(Duration.ofMinutes(2));
        List<ConsumerRecord<String, String>> records = TestKafka.awaitRecords("order-events",
                r -> unpaid.equals(r.key()) && OVERDUE.equals(TestKafka.header(r, "ce_type")), 1, Duration.ofSeconds(10));
        assertEquals(1, records.size(), "published within seconds of the threshold by the scheduled scan");
        OrderLifecycleTest.assertValid("OrderPaymentOverdue.v1", records.get(0).value());
        JsonNode e = mapper.readTree(records.get(0).value());
        assertEquals(549000, e.get("payableKopecks").asLong());
        assertEquals("PHONE", e.get("channel").asText());
        assertEquals("manager-1", e.get("managerId").asText());

        clock.advance(Duration.ofDays(1));
        scanner.scan();
        Thread.sleep(1500);
        assertEquals(1, outboxRows(unpaid), "once per order, however many scans follow");
        assertEquals(0, outboxRows(paid), "a paid order is not overdue");
        assertEquals(0, outboxRows(cash), "a cash-on-delivery order is not overdue");
        io.restassured.RestAssured.given().auth().oauth2(Orders.MANAGER).get("/orders/{id}/history", unpaid).then()
                .body("findAll { it.kind == 'PAYMENT_OVERDUE' }.size()", org.hamcrest.Matchers.equalTo(1))
                .body("find { it.kind == 'PAYMENT_OVERDUE' }.actor", org.hamcrest.Matchers.equalTo("payment-overdue-scan"));
    }

    @Test
    void R15_concurrentScansLikeSeveralReplicasPublishOnce() throws Exception {
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            orders.add(Orders.confirmedOnlineOrder(inDays(5)));
        }
        clock.advance(Duration.ofDays(2).plusMinutes(1));
        int scans = 6;
        ExecutorService pool = Executors.newFixedThreadPool(scans);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < scans; i++) {
                Callable<Integer> scan = () -> {
                    start.await();
                    return scanner.scan();
                };
                results.add(pool.submit(scan));
            }
            start.countDown();
            for (Future<Integer> r : results) {
                r.get();
            }
        } finally {
            pool.shutdown();
        }
        for (String id : orders) {
            assertEquals(1, outboxRows(id), "exactly one OrderPaymentOverdue for " + id);
        }
    }
}
