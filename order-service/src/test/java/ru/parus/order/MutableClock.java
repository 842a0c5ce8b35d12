package ru.parus.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The tests' clock: real time plus an offset the tests move forward, so that "2 days later" needs no
 * sleeping. Replaces platform's default Clock bean in the test application.
 */
@ApplicationScoped
public class MutableClock extends Clock {
    /** Static so that tests without injection (helpers, static set-up) move the same clock. */
    private static volatile Duration offset = Duration.ZERO;

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Real time plus exactly {@code by} from now on. */
    public static void shift(Duration by) {
        offset = by;
    }

    public static void reset() {
        offset = Duration.ZERO;
    }

    /** Where this clock stands now relative to real time (shared by every instance). */
    public static Duration offset() {
        return offset;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
