package ru.parus.callcenter.domain;

import java.time.LocalTime;

/**
 * R21: the hours of the day a customer may be called, in their own time zone: every whole hour (h:00 to h+1:00) that
 * does not touch their quiet hours. {@code from > to} spans midnight (21:00-09:00); {@code from == to} means no quiet
 * hours. Kept as a bit mask (bit h = the hour from h:00) so that SQL reads the same decision.
 */
public record CallingHours(LocalTime quietFrom, LocalTime quietTo) {
    public static final int ALL_HOURS = (1 << 24) - 1;

    public CallingHours {
        if (quietFrom == null || quietTo == null) {
            throw new IllegalArgumentException("quiet hours need both from and to");
        }
    }

    /** Whether the hour from {@code hour}:00 to {@code hour + 1}:00 lies wholly outside the quiet hours. */
    public boolean allows(int hour) {
        if (quietFrom.equals(quietTo)) {
            return true;
        }
        int start = hour * 3600;
        int end = start + 3600;
        int from = quietFrom.toSecondOfDay();
        int to = quietTo.toSecondOfDay();
        boolean overlaps = from < to ? start < to && end > from : end > from || start < to;
        return !overlaps;
    }

    /** Bit h set when {@link #allows(int) allows(h)}. */
    public int mask() {
        int mask = 0;
        for (int h = 0; h < 24; h++) {
            if (allows(h)) {
                mask |= 1 << h;
            }
        }
        return mask;
    }

    public static boolean allows(int mask, int hour) {
        return (mask >> hour & 1) == 1;
    }
}
