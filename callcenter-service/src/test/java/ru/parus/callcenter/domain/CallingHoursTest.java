package ru.parus.callcenter.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;

import org.junit.jupiter.api.Test;

/** R21 (issue 17): the whole hours a customer may be called in, outside their quiet hours. */
class CallingHoursTest {
    static CallingHours quiet(String from, String to) {
        return new CallingHours(LocalTime.parse(from), LocalTime.parse(to));
    }

    @Test
    void bestHour_R21_quietHoursAcrossMidnightLeaveTheDay() {
        CallingHours h = quiet("21:00", "09:00");
        assertFalse(h.allows(8));
        assertTrue(h.allows(9));
        assertTrue(h.allows(20));
        assertFalse(h.allows(21));
        assertFalse(h.allows(0));
        assertEquals(0b000111111111111000000000, h.mask());
    }

    @Test
    void bestHour_R21_anHourTouchedByQuietHoursIsNotAllowed() {
        CallingHours h = quiet("13:30", "14:15");
        assertTrue(h.allows(12));
        assertFalse(h.allows(13));
        assertFalse(h.allows(14));
        assertTrue(h.allows(15));
        CallingHours late = quiet("22:30", "07:00");
        assertTrue(late.allows(21));
        assertFalse(late.allows(22));
        assertFalse(late.allows(23));
        assertTrue(late.allows(7));
    }

    @Test
    void bestHour_R21_equalBoundsMeanNoQuietHours() {
        assertEquals(CallingHours.ALL_HOURS, quiet("10:00", "10:00").mask());
        assertTrue(CallingHours.allows(CallingHours.ALL_HOURS, 23));
        assertFalse(CallingHours.allows(0, 12));
    }
}
