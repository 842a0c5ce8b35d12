package ru.parus.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** R21's quiet hours, read in the customer's zone: the pure rule, no application started. */
class QuietHoursTest {
    static final ZoneId YEKATERINBURG = ZoneId.of("Asia/Yekaterinburg"); // UTC+5
    static final LocalTime NINE_PM = LocalTime.of(21, 0);
    static final LocalTime NINE_AM = LocalTime.of(9, 0);

    @Test
    void R21_outsideQuietHoursAMessageGoesNow() {
        Instant noonThere = Instant.parse("2026-12-04T07:00:00Z");
        assertEquals(noonThere, QuietHours.notBefore(noonThere, NINE_PM, NINE_AM, YEKATERINBURG));
    }

    @Test
    void R21_lateInTheEveningItWaitsForTheMorningOfTheNextDay() {
        Instant elevenPmThere = Instant.parse("2026-12-04T18:00:00Z");
        assertEquals(Instant.parse("2026-12-05T04:00:00Z"),
                QuietHours.notBefore(elevenPmThere, NINE_PM, NINE_AM, YEKATERINBURG));
    }

    @Test
    void R21_afterMidnightItWaitsForTheSameMorning() {
        Instant threeAmThere = Instant.parse("2026-12-04T22:00:00Z"); // 03:00 on the 5th there
        assertEquals(Instant.parse("2026-12-05T04:00:00Z"),
                QuietHours.notBefore(threeAmThere, NINE_PM, NINE_AM, YEKATERINBURG));
    }

    @Test
    void R21_theEndOfQuietHoursIsNotQuiet() {
        Instant nineAmThere = Instant.parse("2026-12-05T04:00:00Z");
        assertEquals(nineAmThere, QuietHours.notBefore(nineAmThere, NINE_PM, NINE_AM, YEKATERINBURG));
    }

    @Test
    void R21_quietHoursWithinOneDay() {
        LocalTime onePm = LocalTime.of(13, 0);
        LocalTime twoPm = LocalTime.of(14, 0);
        Instant halfPastOneThere = Instant.parse("2026-12-04T08:30:00Z");
        assertEquals(Instant.parse("2026-12-04T09:00:00Z"),
                QuietHours.notBefore(halfPastOneThere, onePm, twoPm, YEKATERINBURG));
        Instant threePmThere = Instant.parse("2026-12-04T10:00:00Z");
        assertEquals(threePmThere, QuietHours.notBefore(threePmThere, onePm, twoPm, YEKATERINBURG));
    }

    @Test
    void R21_noBoundOrEqualBoundsMeanNoQuietHours() {
        Instant elevenPmThere = Instant.parse("2026-12-04T18:00:00Z");
        assertEquals(elevenPmThere, QuietHours.notBefore(elevenPmThere, null, NINE_AM, YEKATERINBURG));
        assertEquals(elevenPmThere, QuietHours.notBefore(elevenPmThere, NINE_PM, NINE_PM, YEKATERINBURG));
    }

    @Test
    void R21_theSameInstantIsQuietInOneZoneAndNotInAnother() {
        Instant instant = Instant.parse("2026-12-04T17:00:00Z"); // 22:00 in Yekaterinburg, 20:00 in Moscow
        assertEquals(Instant.parse("2026-12-05T04:00:00Z"), QuietHours.notBefore(instant, NINE_PM, NINE_AM, YEKATERINBURG));
        assertEquals(instant, QuietHours.notBefore(instant, NINE_PM, NINE_AM, ZoneId.of("Europe/Moscow")));
    }
}
