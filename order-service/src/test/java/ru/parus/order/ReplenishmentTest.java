package ru.parus.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import ru.parus.infra.test.TestKafka;
import ru.parus.order.catalogue.Catalogue;
import ru.parus.order.service.ReplenishmentScanner;
import ru.parus.platform.testing.SettableClock;

/**
 * R25: replenishment timed by consumption. A paid or delivered order's line of a variant with consumption figures gets
 * its run-out date (the estimate, or the customer's own median once they bought the family twice before);
 * ReplenishmentDue is published once per line, lead days before it, unless the customer reordered the family, was
 * erased or allows no channel.
 */
@QuarkusTest
class ReplenishmentTest {
    @Inject
    SettableClock clock;
    @Inject
    ReplenishmentScanner scanner;
    @Inject
    ObjectMapper mapper;

    @AfterAll
    static void offSale() {
        Catalogue.takeTestProductsOffSale();
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    ConsumerRecord<String, String> awaitDue(String orderId) {
        List<ConsumerRecord<String, String>> records = TestKafka.awaitRecords("order-events",
                r -> orderId.equals(r.key()) && Replenishments.DUE.equals(TestKafka.header(r, "ce_type")), 1,
                Duration.ofSeconds(20));
        assertEquals(1, records.size(), "ReplenishmentDue on order-events for " + orderId);
        return records.get(0);
    }

    @Test
    void R25_runOutIsEstimatedFromTheDeliveryDateAndTheEventFollowsTheSchema() throws Exception {
        String sku = Catalogue.sku("R25-WHEY");
        String family = Replenishments.product("PROTEIN", 30, "1", sku);
        UUID customer = UUID.randomUUID();
        Replenishments.consents(customer, 1, "SMS");
        String order = Replenishments.order(customer, sku, 2);
        OffsetDateTime deliveredAt = now().minusHours(1);
        Replenishments.deliver(order, deliveredAt);

        Map<String, Object> line = Replenishments.awaitPlanned(order);
        LocalDate started = deliveredAt.toLocalDate();
        LocalDate runOut = started.plusDays(60); // floor(2 x 30 / 1)
        assertEquals(started.toString(), line.get("replenish_started_on"));
        assertEquals(runOut.toString(), line.get("replenish_run_out_on"));
        assertEquals("ESTIMATE", line.get("replenish_basis"));
        assertEquals(family, line.get("family_id"));
        OffsetDateTime dueAt = runOut.minusDays(5).atStartOfDay().atOffset(ZoneOffset.UTC);
        Thread.sleep(1500); // a scheduled scan (1 s in tests) runs: not due yet
        assertEquals(0, Replenishments.outboxRows(order), "nothing before the due time");
        assertNull(Replenishments.line(order).get("replenish_outcome"));

        clock.advance(Duration.between(now(), dueAt).plusMinutes(1));
        ConsumerRecord<String, String> record = awaitDue(order);
        OrderLifecycleTest.assertValid("ReplenishmentDue.v1", record.value());
        JsonNode e = mapper.readTree(record.value());
        assertEquals(order, e.get("orderId").asText());
        assertEquals(((Number) line.get("id")).longValue(), e.get("orderLineId").asLong());
        assertEquals(customer.toString(), e.get("customerId").asText());
        assertEquals(family, e.get("familyId").asText());
        assertEquals(sku, e.get("sku").asText());
        assertEquals("PROTEIN", e.get("category").asText());
        assertEquals(2, e.get("quantity").asInt());
        assertEquals(30, e.get("servingsPerPack").asInt());
        assertEquals(1.0, e.get("dailyServings").asDouble());
        assertEquals(started.toString(), e.get("startedOn").asText());
        assertEquals(runOut.toString(), e.get("runOutOn").asText());
        assertEquals(dueAt.toInstant(), OffsetDateTime.parse(e.get("dueAt").asText()).toInstant());
        assertEquals("ESTIMATE", e.get("basis").asText());
        assertEquals("CALL", e.get("contactFirst").asText(), "the default for a category");
        assertEquals("manager-1", e.get("managerId").asText(), "no owner known: the manager who took the order");
        assertEquals("PUBLISHED", Replenishments.line(order).get("replenish_outcome"));
    }

    @Test
    void R25_aPaidOrderNotYetDeliveredStartsTheUsualDeliveryDaysAfterPaymentAndIsRecomputedOnDelivery() throws Exception {
        String sku = Catalogue.sku("R25-ONLINE");
        Replenishments.product("CREATINE", 60, "1", sku);
        UUID customer = UUID.randomUUID();
        String order = Replenishments.order(customer, sku, 1);
        LocalDate tomorrow = LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Moscow"))).plusDays(1);
        Orders.agree(order, Orders.online(tomorrow)).statusCode(200);
        int payable = Orders.confirm(order).statusCode(200).extract().path("payableKopecks");
        PaymentTest.signed(PaymentTest.callback("pay_" + UUID.randomUUID(), order, payable)).statusCode(200);
        // the callback's paidAt is 2026-11-27T10:05:00Z: + 2 usual delivery days, + 60 days
        Map<String, Object> line = Replenishments.awaitPlanned(order);
        assertEquals("2026-11-29", line.get("replenish_started_on"));
        assertEquals("2027-01-28", line.get("replenish_run_out_on"));

        TestKafka.send("fulfillment-events", "SHP-" + order, """
                {"shipmentId":"SHP-%s","orderId":"%s","deliveredAt":"2026-12-03T12:00:00Z","cashCollectedKopecks":0}"""
                .formatted(order, order), TestKafka.cloudEventHeaders(UUID.randomUUID().toString(),
                        "ru.parus.fulfillment.ShipmentDelivered.v1"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> "2026-12-03".equals(Replenishments.line(order).get("replenish_started_on")));
        assertEquals("2027-02-01", Replenishments.line(order).get("replenish_run_out_on"), "recomputed from delivery");
    }

    @Test
    void R25_afterTwoEarlierPurchasesOfTheFamilyTheCustomersMedianIntervalReplacesTheEstimate() throws Exception {
        List<String> skus = Replenishments.skus("R25-MED", 2);
        Replenishments.product("VITAMINS", 90, "3", skus.toArray(String[]::new));
        UUID customer = UUID.randomUUID();
        Replenishments.consents(customer, 1, "EMAIL");
        Replenishments.order(customer, skus.get(0), 1);
        clock.advance(Duration.ofDays(20));
        Replenishments.order(customer, skus.get(1), 1); // another variant of the same family counts
        clock.advance(Duration.ofDays(26));
        String order = Replenishments.order(customer, skus.get(0), 1);
        OffsetDateTime deliveredAt = now();
        Replenishments.deliver(order, deliveredAt);

        Map<String, Object> line = Replenishments.awaitPlanned(order);
        // intervals of 20 and 26 days: the median is 23 (the estimate would be 90 / 3 = 30)
        assertEquals("CUSTOMER_MEDIAN", line.get("replenish_basis"));
        assertEquals(deliveredAt.toLocalDate().plusDays(23).toString(), line.get("replenish_run_out_on"));
    }

    @Test
    void R25_aSamplePackIsDueOnItsDeliveryDayAndPublishedOnceHoweverManyScansRun() throws Exception {
        String sku = Catalogue.sku("R25-SAMPLE");
        Replenishments.product("PROTEIN", 5, "1", sku);
        UUID customer = UUID.randomUUID();
        Replenishments.consents(customer, 1, "TELEGRAM");
        String order = Replenishments.order(customer, sku, 1);
        Replenishments.deliver(order, now());
        Replenishments.awaitPlanned(order);

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
        awaitDue(order);
        scanner.scan();
        clock.advance(Duration.ofDays(1));
        scanner.scan();
        assertEquals(1, Replenishments.outboxRows(order), "exactly one ReplenishmentDue per order line");
        List<ConsumerRecord<String, String>> records = TestKafka.awaitRecords("order-events",
                r -> order.equals(r.key()) && Replenishments.DUE.equals(TestKafka.header(r, "ce_type")), 2,
                Duration.ofSeconds(4));
        assertEquals(1, records.size(), "one record on the topic");
    }

    @Test
    void R25_twoClaimsPastTheLockJudgeEachLineOnce() throws Exception {
        String sku = Catalogue.sku("R25-CLAIM");
        Replenishments.product("PROTEIN", 5, "1", sku);
        UUID customer = UUID.randomUUID();
        Replenishments.consents(customer, 1, "SMS");
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            orders.add(Replenishments.order(customer, sku, 1));
        }
        // hold the scan lock so that the scheduled scan stays out while the orders are delivered
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            Future<?> holder = pool.submit(() -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
                Replenishments.em().createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
                        .setParameter(1, ru.parus.order.repository.ReplenishmentRepository.SCAN_LOCK).getSingleResult();
                locked.countDown();
                PaymentOverdueTest.await(release);
            }));
            assertTrue(locked.await(30, java.util.concurrent.TimeUnit.SECONDS));
            for (String o : orders) {
                Replenishments.deliver(o, now());
                Replenishments.awaitPlanned(o);
            }
            Callable<Integer> claim = () -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                    .call(() -> scanner.claimAndPublish().published());
            Future<Integer> first = pool.submit(claim);
            Future<Integer> second = pool.submit(claim);
            int published = first.get(60, java.util.concurrent.TimeUnit.SECONDS)
                    + second.get(60, java.util.concurrent.TimeUnit.SECONDS);
            release.countDown();
            holder.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(1, published, "the two claims together published the one line not reordered since");
        } finally {
            release.countDown();
            pool.shutdown();
        }
        // the later orders are reorders of the family: only the last one's line is published
        for (String o : orders) {
            assertNotNull(Replenishments.line(o).get("replenish_outcome"));
        }
        assertEquals("REORDERED", Replenishments.line(orders.get(0)).get("replenish_outcome"));
        assertEquals("REORDERED", Replenishments.line(orders.get(1)).get("replenish_outcome"));
        assertEquals("PUBLISHED", Replenishments.line(orders.get(2)).get("replenish_outcome"));
        assertEquals(0, Replenishments.outboxRows(orders.get(0)) + Replenishments.outboxRows(orders.get(1)));
        assertEquals(1, Replenishments.outboxRows(orders.get(2)));
    }

    @Test
    void R25_noEventWhenTheCustomerReorderedTheFamilyWasErasedOrCannotBeReached() throws Exception {
        List<String> skus = Replenishments.skus("R25-SUP", 2);
        Replenishments.product("PROTEIN", 5, "1", skus.toArray(String[]::new));

        UUID reordering = UUID.randomUUID();
        Replenishments.consents(reordering, 1, "SMS");
        String reordered = Replenishments.order(reordering, skus.get(0), 1);
        clock.advance(Duration.ofMinutes(1));
        Replenishments.order(reordering, skus.get(1), 1); // a later order of the family, not cancelled

        UUID erasedCustomer = UUID.randomUUID();
        Replenishments.consents(erasedCustomer, 1, "SMS");
        String erased = Replenishments.order(erasedCustomer, skus.get(0), 1);
        Replenishments.erased(erasedCustomer);

        UUID silent = UUID.randomUUID();
        String noChannelKnown = Replenishments.order(silent, skus.get(0), 1); // never a consent event

        UUID withdrawn = UUID.randomUUID();
        Replenishments.consents(withdrawn, 1, "SMS");
        Replenishments.consents(withdrawn, 3); // every consent withdrawn
        Replenishments.consents(withdrawn, 2, "EMAIL"); // an older version arriving late changes nothing
        String noChannel = Replenishments.order(withdrawn, skus.get(0), 1);

        for (String o : List.of(reordered, erased, noChannelKnown, noChannel)) {
            Replenishments.deliver(o, now());
        }
        assertEquals("REORDERED", Replenishments.awaitJudged(reordered).get("replenish_outcome"));
        assertEquals("ERASED", Replenishments.awaitJudged(erased).get("replenish_outcome"));
        assertEquals("NO_CHANNEL", Replenishments.awaitJudged(noChannelKnown).get("replenish_outcome"));
        assertEquals("NO_CHANNEL", Replenishments.awaitJudged(noChannel).get("replenish_outcome"));
        for (String o : List.of(reordered, erased, noChannelKnown, noChannel)) {
            assertNotNull(Replenishments.line(o).get("replenish_sent_at"), "suppressed lines are never looked at again");
            assertEquals(0, Replenishments.outboxRows(o), "no ReplenishmentDue for " + o);
        }
    }

    /**
     * R25, R24: a customer merged into another since the order is the survivor: a later order of the family by the
     * survivor (through a chain of two merges) is a reorder; the event names the survivor and their owner; the
     * survivor's channels decide; the merged customer's purchases count towards the survivor's own habit.
     */
    @Test
    void R25_aMergedCustomerIsJudgedAndNamedAsTheSurvivor() throws Exception {
        List<String> skus = Replenishments.skus("R25-MRG", 2);
        Replenishments.product("PROTEIN", 5, "1", skus.toArray(String[]::new));

        UUID first = UUID.randomUUID();
        UUID middle = UUID.randomUUID();
        UUID survivor = UUID.randomUUID();
        Replenishments.consents(first, 1, "SMS");
        String reordered = Replenishments.order(first, skus.get(0), 1);
        Replenishments.merged(first, middle);
        Replenishments.merged(middle, survivor);
        clock.advance(Duration.ofMinutes(1));
        Replenishments.order(survivor, skus.get(1), 1); // the family again, under the survivor's id

        UUID mergedAway = UUID.randomUUID();
        UUID owned = UUID.randomUUID();
        Replenishments.consents(mergedAway, 1, "SMS");
        String due = Replenishments.order(mergedAway, skus.get(0), 1);
        int payable = Replenishments.confirmCash(due); // before the merge: the survivor's owner is another manager
        Replenishments.registeredWithOwner(owned, "manager-7");
        Replenishments.consents(owned, 1, "EMAIL");
        Replenishments.merged(mergedAway, owned);

        UUID reachable = UUID.randomUUID();
        UUID unreachable = UUID.randomUUID();
        Replenishments.consents(reachable, 1, "SMS");
        String noChannel = Replenishments.order(reachable, skus.get(0), 1);
        Replenishments.consents(unreachable, 1); // known here, no consent, no phone
        Replenishments.merged(reachable, unreachable);

        for (String o : List.of(reordered, noChannel)) {
            Replenishments.deliver(o, now());
        }
        Replenishments.delivered(due, now(), payable);
        assertEquals("REORDERED", Replenishments.awaitJudged(reordered).get("replenish_outcome"));
        assertEquals(0, Replenishments.outboxRows(reordered));
        assertEquals("NO_CHANNEL", Replenishments.awaitJudged(noChannel).get("replenish_outcome"));
        assertEquals(0, Replenishments.outboxRows(noChannel));
        JsonNode e = mapper.readTree(awaitDue(due).value());
        assertEquals(owned.toString(), e.get("customerId").asText(), "the survivor, not the merged-away customer");
        assertEquals("manager-7", e.get("managerId").asText(), "the survivor's owner");

        // the merged customer's purchase and the survivor's: the survivor's third order runs out on their median
        List<String> vitamins = Replenishments.skus("R25-MRGH", 1);
        Replenishments.product("VITAMINS", 90, "3", vitamins.get(0));
        UUID habitMerged = UUID.randomUUID();
        UUID habitSurvivor = UUID.randomUUID();
        Replenishments.consents(habitSurvivor, 1, "EMAIL");
        Replenishments.order(habitMerged, vitamins.get(0), 1);
        Replenishments.merged(habitMerged, habitSurvivor);
        clock.advance(Duration.ofDays(20));
        Replenishments.order(habitSurvivor, vitamins.get(0), 1);
        clock.advance(Duration.ofDays(26));
        String third = Replenishments.order(habitSurvivor, vitamins.get(0), 1);
        OffsetDateTime deliveredAt = now();
        Replenishments.deliver(third, deliveredAt);
        Map<String, Object> line = Replenishments.awaitPlanned(third);
        assertEquals("CUSTOMER_MEDIAN", line.get("replenish_basis"), "20 and 26 days: the merged purchase counts");
        assertEquals(deliveredAt.toLocalDate().plusDays(23).toString(), line.get("replenish_run_out_on"));
    }

    @Test
    void R25_aCategoryTheHeadSetToMessageFirstSaysSoInTheEvent() throws Exception {
        io.restassured.RestAssured.given().auth().oauth2(Orders.HEAD).contentType("application/json")
                .body("{\"contactFirst\":\"MESSAGE\"}").put("/catalogue/categories/{c}/replenishment", "BARS")
                .then().statusCode(200);
        String sku = Catalogue.sku("R25-BAR");
        Replenishments.product("BARS", 5, "1", sku);
        UUID customer = UUID.randomUUID();
        Replenishments.consents(customer, 1, "EMAIL");
        String order = Replenishments.order(customer, sku, 1);
        Replenishments.deliver(order, now());
        ConsumerRecord<String, String> record = awaitDue(order);
        OrderLifecycleTest.assertValid("ReplenishmentDue.v1", record.value());
        assertEquals("MESSAGE", mapper.readTree(record.value()).get("contactFirst").asText());
    }

    /**
     * R25, R21: the head's MESSAGE-first choice becomes a call for a customer with a phone and no consented channel;
     * a CALL-first category calls a customer order-service knows only consents of; a phone given later
     * (CustomerContactsChanged) makes a customer without consents reachable.
     */
    @Test
    void R25_aMessageFirstCategoryCallsACustomerWithNoConsentedChannel() throws Exception {
        String messageSku = Catalogue.sku("R25-MSG");
        Replenishments.product("HEALTHY_FOOD", 5, "1", messageSku);
        head("HEALTHY_FOOD", "MESSAGE");
        String callSku = Catalogue.sku("R25-CALL");
        Replenishments.product("PRE_WORKOUT", 5, "1", callSku);
        head("PRE_WORKOUT", "CALL");

        UUID phoneOnly = UUID.randomUUID();
        Replenishments.registered(phoneOnly, phone());
        String called = Replenishments.order(phoneOnly, messageSku, 1);

        UUID consentOnly = UUID.randomUUID();
        Replenishments.consents(consentOnly, 1, "EMAIL");
        String written = Replenishments.order(consentOnly, messageSku, 1);
        String calledAsChosen = Replenishments.order(consentOnly, callSku, 1);

        UUID phoneLater = UUID.randomUUID();
        Replenishments.registered(phoneLater, null);
        Replenishments.sendCustomerEvent(phoneLater, "CustomerContactsChanged", """
                {"customerId":"%s","phones":["%s"],"emails":[],"messengers":[],"changedAt":"2026-11-27T10:05:00Z",
                 "changedBy":"manager-1","version":2}""".formatted(phoneLater, phone()));
        String calledLater = Replenishments.order(phoneLater, messageSku, 1);

        UUID nowhere = UUID.randomUUID();
        Replenishments.registered(nowhere, null);
        String unreachable = Replenishments.order(nowhere, messageSku, 1);

        for (String o : List.of(called, written, calledAsChosen, calledLater, unreachable)) {
            Replenishments.deliver(o, now());
        }
        Map<String, String> expected = Map.of(called, "CALL", written, "MESSAGE", calledAsChosen, "CALL", calledLater, "CALL");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            ConsumerRecord<String, String> record = awaitDue(e.getKey());
            OrderLifecycleTest.assertValid("ReplenishmentDue.v1", record.value());
            assertEquals(e.getValue(), mapper.readTree(record.value()).get("contactFirst").asText(), record.value());
        }
        assertEquals("NO_CHANNEL", Replenishments.awaitJudged(unreachable).get("replenish_outcome"));
        assertEquals(0, Replenishments.outboxRows(unreachable));
    }

    private static void head(String category, String contactFirst) {
        io.restassured.RestAssured.given().auth().oauth2(Orders.HEAD).contentType("application/json")
                .body("{\"contactFirst\":\"" + contactFirst + "\"}").put("/catalogue/categories/{c}/replenishment", category)
                .then().statusCode(200);
    }

    private static String phone() {
        return "+79" + String.format("%09d", java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000L));
    }
}
