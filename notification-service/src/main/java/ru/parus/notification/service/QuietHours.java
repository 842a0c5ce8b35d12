package ru.parus.notification.service;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** R21: no messages in the customer's quiet hours, read in the customer's time zone; a message waits until they end. */
public final class QuietHours {
    private QuietHours() {
    }

    /**
     * R21: the earliest time a message may go out: {@code now} outside quiet hours, else the end of the quiet
     * period. {@code from > to} spans midnight (21:00-09:00); {@code from == to} or a missing bound means none.
     */
    public static Instant notBefore(Instant now, LocalTime from, LocalTime to, ZoneId zone) {
        if (from == null || to == null || from.equals(to)) {
            return now;
        }
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        LocalTime t = local.toLocalTime();
        boolean spansMidnight = from.isAfter(to);
        boolean quiet = spansMidnight ? !t.isBefore(from) || t.isBefore(to) : !t.isBefore(from) && t.isBefore(to);
        if (!quiet) {
            return now;
        }
        var endDate = spansMidnight && !t.isBefore(from) ? local.toLocalDate().plusDays(1) : local.toLocalDate();
        return ZonedDateTime.of(endDate, to, zone).toInstant();
    }
}
