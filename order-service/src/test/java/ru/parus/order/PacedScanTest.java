package ru.parus.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import ru.parus.infra.test.TestKafka;
import ru.parus.platform.testing.SettableClock;

/**
 * R15 with platform's ScanPacing (issue 15): the unpaid-order scan's ticks skip the database until the first unpaid
 * order falls due, and a local change ends the skip. max-skip is a month here, so only the computed due time or a
 * change can end a skip within the test.
 */
@QuarkusTest
@TestProfile(PacedScanTest.LongSkip.class)
class PacedScanTest {
    public static class LongSkip implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parus.scan.max-skip", "30d");
        }
    }

    @Inject
    SettableClock clock;
    @Inject
    EntityManager em;

    LocalDate inDays(int days) {
        return LocalDate.now(clock.withZone(ZoneId.of("Europe/Moscow"))).plusDays(days);
    }

    long overdueRows(String orderId) {
        return PaymentOverdueTest.overdueRows(em, orderId);
    }

    /** Moves the order's placement back behind the service's back: no event, no change the scan hears of. */
    void placedDaysEarlier(String orderId, int days) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE customer_order SET placed_at = placed_at - make_interval(days => ?1) WHERE id = CAST(?2 AS uuid)")
                .setParameter(1, days).setParameter(2, orderId).executeUpdate());
    }

    void awaitOverdueEvent(String orderId) {
        assertEquals(1, TestKafka.awaitRecords("order-events", r -> orderId.equals(r.key())
                && PaymentOverdueTest.OVERDUE.equals(TestKafka.header(r, "ce_type")), 1, Duration.ofSeconds(10)).size());
    }

    @Test
    void R15_theTicksSkipUntilTheFirstUnpaidOrderFallsDueAndALocalChangeEndsTheSkip() throws Exception {
        String first = Orders.confirmedOnlineOrder(inDays(5));
        Thread.sleep(2500); // the change (its events) made the next tick scan and learn when the order falls due
        placedDaysEarlier(first, 3);
        Thread.sleep(3000); // three ticks at 1 s (test setting)
        assertEquals(0, overdueRows(first), "the ticks skip the database: what was written behind their back waits");

        String second = Orders.confirmedOnlineOrder(inDays(5)); // a change of this service: its outbox rows
        awaitOverdueEvent(first);
        assertEquals(0, overdueRows(second), "the second order is not due");

        Thread.sleep(2500);
        clock.advance(Duration.ofDays(2).plusMinutes(1)); // the second one's due time, learnt by the scan after the change
        awaitOverdueEvent(second);
        assertEquals(1, overdueRows(first), "once per order");
    }
}
