package ru.parus.customer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import ru.parus.platform.scan.ScanPacing;

/**
 * R14: the instant the paced dormancy scan waits for ({@link DormancyScanner#dormantFrom}) is the first one at which
 * the scan's own condition, {@code active_at <= now - 6 months}, holds: never later (a dormant customer would be
 * found late) and never earlier (the scan would run for nothing and skip no more).
 */
class DormancyDueTimeTest {
    static final Period SIX_MONTHS = Period.ofMonths(6);

    static boolean scanFindsAt(Instant now, Instant lastActive) {
        return !lastActive.isAfter(now.atOffset(ZoneOffset.UTC).minus(SIX_MONTHS).toInstant());
    }

    @Test
    void r14DueSixMonthsAfterTheLastActivityOnAnOrdinaryDay() {
        assertEquals(Instant.parse("2027-03-10T14:30:00Z"),
                DormancyScanner.dormantFrom(Instant.parse("2026-09-10T14:30:00Z"), SIX_MONTHS));
    }

    @Test
    void r14DueAtTheMidnightAfterAClampedFebruaryDay() {
        // 31 August + 6 months = 28 February, but on 28 February "now - 6 months" is still 28 August
        assertEquals(Instant.parse("2027-03-01T00:00:00Z"),
                DormancyScanner.dormantFrom(Instant.parse("2026-08-31T10:00:00Z"), SIX_MONTHS));
        assertEquals(Instant.parse("2028-03-01T00:00:00Z"),
                DormancyScanner.dormantFrom(Instant.parse("2027-08-30T23:00:00Z"), SIX_MONTHS), "leap year: 29 Feb");
    }

    @Test
    void r14NoCustomerWaitingStaysNothingWaiting() {
        assertEquals(ScanPacing.NOTHING_WAITING, DormancyScanner.dormantFrom(ScanPacing.NOTHING_WAITING, SIX_MONTHS));
    }

    @Test
    void r14TheDueTimeIsTheScansFirstMatchForEveryHourOfTwoYears() {
        OffsetDateTime start = OffsetDateTime.parse("2026-01-01T00:17:00Z");
        for (OffsetDateTime active = start; active.isBefore(start.plusYears(2)); active = active.plusHours(7)) {
            Instant lastActive = active.toInstant();
            Instant due = DormancyScanner.dormantFrom(lastActive, SIX_MONTHS);
            assertTrue(scanFindsAt(due, lastActive), "found at " + due + " (active " + lastActive + ")");
            assertFalse(scanFindsAt(due.minusSeconds(1), lastActive), "not before " + due + " (active " + lastActive + ")");
        }
    }
}
