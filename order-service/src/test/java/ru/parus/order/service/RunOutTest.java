package ru.parus.order.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** R25: the run-out date, from the consumption figures or from the customer's own habit. */
class RunOutTest {
    static final LocalDate START = LocalDate.parse("2026-11-02");

    @Test
    void R25_theEstimateIsQuantityTimesServingsOverDailyServingsRoundedDown() {
        assertEquals(new RunOut(LocalDate.parse("2026-12-02"), RunOut.Basis.ESTIMATE),
                RunOut.of(START, 1, 30, BigDecimal.ONE, List.of(), START));
        assertEquals(LocalDate.parse("2026-11-22"), RunOut.of(START, 2, 30, new BigDecimal("3"), List.of(), START).runOutOn());
        assertEquals(33, RunOut.estimateDays(1, 20, new BigDecimal("0.6"))); // 33.33 -> 33
        assertEquals(5, RunOut.estimateDays(1, 5, BigDecimal.ONE));
    }

    @Test
    void R25_oneEarlierPurchaseKeepsTheEstimate() {
        assertEquals(RunOut.Basis.ESTIMATE, RunOut.of(START, 1, 30, BigDecimal.ONE,
                List.of(LocalDate.parse("2026-10-01")), START).basis());
    }

    @Test
    void R25_twoEarlierPurchasesGiveTheCustomersMedianInterval() {
        List<LocalDate> earlier = List.of(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-10-01"));
        RunOut r = RunOut.of(START, 1, 30, BigDecimal.ONE, earlier, LocalDate.parse("2026-10-21"));
        // intervals 30 and 20 days: median 25
        assertEquals(new RunOut(START.plusDays(25), RunOut.Basis.CUSTOMER_MEDIAN), r);
        assertEquals(20, RunOut.medianIntervalDays(List.of(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-21"),
                LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-15")))); // 20, 39, 14 -> 20
    }

    @Test
    void R25_ordersOfOneDayAreOnePurchaseSoTheyGiveNoHabit() {
        LocalDate day = LocalDate.parse("2026-10-21");
        // two earlier orders the same day as this one: no interval between purchases, the estimate stands
        assertEquals(new RunOut(START.plusDays(30), RunOut.Basis.ESTIMATE),
                RunOut.of(START, 1, 30, BigDecimal.ONE, List.of(day, day), day));
        // two earlier orders on one earlier day: one earlier purchase, still the estimate
        assertEquals(RunOut.Basis.ESTIMATE, RunOut.of(START, 1, 30, BigDecimal.ONE,
                List.of(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-01")), day).basis());
        // two earlier days (one of them with two orders): intervals 30 and 20 -> 25
        assertEquals(new RunOut(START.plusDays(25), RunOut.Basis.CUSTOMER_MEDIAN), RunOut.of(START, 1, 30, BigDecimal.ONE,
                List.of(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-01")), day));
    }
}
