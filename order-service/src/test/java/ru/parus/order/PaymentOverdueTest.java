package ru.parus.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import ru.parus.platform.testing.SettableClock;
import ru.parus.infra.test.TestKafka;
import ru.parus.order.domain.Order;
import ru.parus.order.service.PaymentOverdueScanner;

/** R15: an ONLINE order unpaid 2 days after placement publishes OrderPaymentOverdue once, within seconds. */
@QuarkusTest
class PaymentOverdueTest {
    static final String OVERDUE = "ru.parus.order.OrderPaymentOverdue.v1";

    @Inject
    SettableClock clock;
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
        return overdueRows(em, orderId);
    }

    /** OrderPaymentOverdue rows the order has in the outbox. */
    static long overdueRows(EntityManager em, String orderId) {
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
            assertEquals(1, historyRows(id), "exactly one PAYMENT_OVERDUE history row for " + id);
        }
        // one record per order on the topic, whichever replica claimed it (one more is waited for, in vain)
        List<ConsumerRecord<String, String>> records = TestKafka.awaitRecords("order-events",
                r -> orders.contains(r.key()) && OVERDUE.equals(TestKafka.header(r, "ce_type")), orders.size() + 1,
                Duration.ofSeconds(8));
        assertEquals(orders.size(), records.size(), "one record per order");
        assertEquals(Set.copyOf(orders), records.stream().map(ConsumerRecord::key).collect(Collectors.toSet()));
        for (ConsumerRecord<String, String> r : records) {
            OrderLifecycleTest.assertValid("OrderPaymentOverdue.v1", r.value());
        }
    }

    /**
     * R15: the claim itself publishes once even when two scans get past the advisory lock (as replicas could if the
     * lock were lost): the second scan's UPDATE waits for the first one's row locks and re-checks
     * {@code overdue_published_at IS NULL} after its commit. The scheduled scans are kept out by holding the lock.
     */
    @Test
    void R15_twoClaimsPastTheLockStillPublishOncePerOrder() throws Exception {
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            orders.add(Orders.confirmedOnlineOrder(inDays(5)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            Future<?> holder = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, PaymentOverdueScanner.SCAN_LOCK)
                        .getSingleResult();
                locked.countDown();
                await(release);
            }));
            assertTrue(locked.await(30, java.util.concurrent.TimeUnit.SECONDS));
            clock.advance(Duration.ofDays(2).plusMinutes(1));
            long[] committedAt = new long[1];
            long[] secondDoneAt = new long[1];
            Future<Integer> first = pool.submit(() -> {
                int n = QuarkusTransaction.requiringNew().call(() -> {
                    int claimed = scanner.claimAndPublish();
                    firstClaimed.countDown();
                    await(secondStarted);
                    Thread.sleep(1500); // the second claim is now waiting for this transaction's row locks
                    return claimed;
                });
                committedAt[0] = System.nanoTime();
                return n;
            });
            Future<Integer> second = pool.submit(() -> {
                await(firstClaimed);
                secondStarted.countDown();
                int n = QuarkusTransaction.requiringNew().call(scanner::claimAndPublish);
                secondDoneAt[0] = System.nanoTime();
                return n;
            });
            int n1 = first.get(60, java.util.concurrent.TimeUnit.SECONDS);
            int n2 = second.get(60, java.util.concurrent.TimeUnit.SECONDS);
            release.countDown();
            holder.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(n1 >= orders.size(), "the first claim took the orders: " + n1);
            assertEquals(0, n2, "the second claim found them claimed");
            assertTrue(secondDoneAt[0] >= committedAt[0] - 50_000_000L, "the second claim waited for the first one's commit");
        } finally {
            release.countDown();
            pool.shutdown();
        }
        for (String id : orders) {
            assertEquals(1, outboxRows(id), "exactly one OrderPaymentOverdue for " + id);
            assertEquals(1, historyRows(id), "exactly one PAYMENT_OVERDUE history row for " + id);
        }
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out waiting");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * R15 with R9, R10, R11: the scan's payableKopecks (the stored {@code payable_kopecks}) must be what the order itself
     * says ({@code Order.payableKopecks()}): the larger of the manager's discount (half-up) and the promo code's, minus
     * bonus points, never below zero. Also: the payload's times, its schema, the history row, the metric by type.
     */
    @Test
    void R15_overduePayableIsWhatTheOrderSaysWithDiscountPromoAndBonus() throws Exception {
        String discounted = Orders.confirmedOnlineOrder(inDays(5));
        String promoAmount = Orders.confirmedOnlineOrder(inDays(5));
        String bonusAboveTotal = Orders.confirmedOnlineOrder(inDays(5));
        // through the entity, as the application changes an order: it stores payable_kopecks, which the scan reads
        QuarkusTransaction.requiringNew().run(() -> {
            // 549000 x 7.35 % = 40351.5 -> 40352 half-up; promo 5 % = 27450 is smaller; bonus 1234
            Order d = em.find(Order.class, UUID.fromString(discounted));
            d.grantDiscount(new BigDecimal("7.35"), "test", null, new BigDecimal("7.35"));
            d.promoCode = "P5";
            d.promoPercent = BigDecimal.valueOf(5);
            d.bonusPoints = 1234;
            // a fixed promo amount larger than the manager's 3 %
            Order p = em.find(Order.class, UUID.fromString(promoAmount));
            p.grantDiscount(BigDecimal.valueOf(3), "test", null, BigDecimal.valueOf(3));
            p.promoCode = "M600";
            p.promoAmountKopecks = 60000L;
            Order b = em.find(Order.class, UUID.fromString(bonusAboveTotal));
            b.grantDiscount(BigDecimal.TEN, "test", null, BigDecimal.TEN);
            b.bonusPoints = 10000000;
        });
        Map<String, Long> expected = Map.of(discounted, 507414L, promoAmount, 489000L, bonusAboveTotal, 0L);
        for (var e : expected.entrySet()) {
            Order o = QuarkusTransaction.requiringNew().call(() -> em.find(Order.class, UUID.fromString(e.getKey())));
            assertEquals(e.getValue(), o.payableKopecks(), "the order's own rule, as the test data means it");
        }

        double publishedBefore = metric("parus_outbox_published_total", null);
        clock.advance(Duration.ofDays(2).plusMinutes(1));
        List<ConsumerRecord<String, String>> records = TestKafka.awaitRecords("order-events",
                r -> expected.containsKey(r.key()) && OVERDUE.equals(TestKafka.header(r, "ce_type")), 3, Duration.ofSeconds(15));
        assertEquals(3, records.size(), "published by the scheduled scan");
        for (ConsumerRecord<String, String> r : records) {
            OrderLifecycleTest.assertValid("OrderPaymentOverdue.v1", r.value());
            JsonNode e = mapper.readTree(r.value());
            Order o = QuarkusTransaction.requiringNew().call(() -> em.find(Order.class, UUID.fromString(r.key())));
            assertEquals(expected.get(r.key()), e.get("payableKopecks").asLong(), r.value());
            assertEquals(r.key(), e.get("orderId").asText());
            assertEquals(o.customerId.toString(), e.get("customerId").asText());
            assertEquals("RUB", e.get("currency").asText());
            assertEquals(o.placedAt.toInstant(), OffsetDateTime.parse(e.get("placedAt").asText()).toInstant());
            assertEquals(o.placedAt.toInstant().plus(Duration.ofDays(2)),
                    OffsetDateTime.parse(e.get("overdueSince").asText()).toInstant(), "placedAt + the threshold");
            assertTrue(e.has("paymentLink") && e.get("paymentLink").isNull(), r.value());
            assertEquals("order-service", TestKafka.header(r, "ce_source"));
            assertEquals(r.key(), TestKafka.header(r, "ce_subject"));
            assertEquals(1, historyRows(r.key()), "R6: the history row of the publication");
        }
        // ops count the business events: the set-based rows are counted like any other (the relay counts rows)
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> metric("parus_outbox_published_total", null) >= publishedBefore + 3);
        if (metricsText().lines().anyMatch(l -> l.startsWith("parus_events_published_total{"))) {
            // by type (platform since 7c757de; an older installed platform has no per-type counter)
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> metric("parus_events_published_total", "type=\"" + OVERDUE + "\"") >= 3);
        }
    }

    static String metricsText() {
        return io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sum of a Prometheus metric's lines that carry {@code label} (any, when null); 0 when there are none. */
    static double metric(String name, String label) {
        return metricsText().lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .filter(l -> label == null || l.contains(label))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    long historyRows(String orderId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM order_history WHERE order_id = CAST(?1 AS uuid) AND kind = 'PAYMENT_OVERDUE'")
                .setParameter(1, orderId).getSingleResult()).longValue());
    }
}
