package ru.parus.order.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * R25: when a customer's supply of a product runs out. From the consumption figures (ESTIMATE):
 * {@code startedOn + floor(quantity x servingsPerPack / dailyServings)} days; once the customer has bought the family
 * on at least {@value #MEDIAN_AFTER} earlier days (orders of one day are one purchase), from their own habit (CUSTOMER_MEDIAN): {@code startedOn +} the
 * median of the days between consecutive purchases (the earlier ones and this one).
 */
public record RunOut(LocalDate runOutOn, Basis basis) {
    /** Earlier days with an order of the family that make the customer's median replace the estimate. */
    public static final int MEDIAN_AFTER = 2;

    public enum Basis {
        ESTIMATE, CUSTOMER_MEDIAN
    }

    /**
     * @param earlierPurchases the dates of the customer's earlier distinct orders of the family (not cancelled), any order
     * @param purchasedOn      the date of this order
     */
    public static RunOut of(LocalDate startedOn, int quantity, int servingsPerPack, BigDecimal dailyServings,
            List<LocalDate> earlierPurchases, LocalDate purchasedOn) {
        // orders of one day are one purchase: a habit is the days between purchases, and a 0-day interval is none
        List<LocalDate> earlierDays = earlierPurchases.stream().filter(d -> d.isBefore(purchasedOn)).distinct().toList();
        if (earlierDays.size() >= MEDIAN_AFTER) {
            List<LocalDate> dates = new ArrayList<>(earlierDays);
            dates.add(purchasedOn);
            return new RunOut(startedOn.plusDays(medianIntervalDays(dates)), Basis.CUSTOMER_MEDIAN);
        }
        return new RunOut(startedOn.plusDays(estimateDays(quantity, servingsPerPack, dailyServings)), Basis.ESTIMATE);
    }

    /** floor(quantity x servingsPerPack / dailyServings). */
    static long estimateDays(int quantity, int servingsPerPack, BigDecimal dailyServings) {
        return BigDecimal.valueOf((long) quantity * servingsPerPack).divide(dailyServings, 0, RoundingMode.FLOOR)
                .longValueExact();
    }

    /** The median of the days between consecutive dates (sorted first); the lower whole day for an even count. */
    static long medianIntervalDays(List<LocalDate> dates) {
        List<LocalDate> sorted = dates.stream().sorted().toList();
        List<Long> intervals = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            intervals.add(ChronoUnit.DAYS.between(sorted.get(i - 1), sorted.get(i)));
        }
        intervals.sort(null);
        int n = intervals.size();
        return n % 2 == 1 ? intervals.get(n / 2) : Math.floorDiv(intervals.get(n / 2 - 1) + intervals.get(n / 2), 2);
    }
}
