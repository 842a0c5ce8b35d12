package ru.parus.callcenter.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * Issue 17 (R18, R21): the hour in which a customer is most likely to answer, as suggested for a call task: from
 * {@code from} (the hour's start, or now when the hour has begun) to {@code to}, with the reach rate it rests on and
 * whose calls that rate counts.
 */
public record SuggestedWindow(OffsetDateTime from, OffsetDateTime to, BigDecimal reachRate, Basis basis) {
    /** CUSTOMER: the customer's own calls in that weekday-hour; OVERALL: every customer's. */
    public enum Basis {
        CUSTOMER, OVERALL
    }

    /** Whether a call started at {@code at} lies inside the window. */
    public boolean contains(OffsetDateTime at) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}
