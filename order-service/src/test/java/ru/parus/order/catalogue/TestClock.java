package ru.parus.order.catalogue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Replaces the platform's default clock in tests: the system time, moved by {@link #shift}. Tests move time, they do not sleep. */
@ApplicationScoped
public class TestClock {
    private static volatile Duration offset = Duration.ZERO;

    public static void shift(Duration by) {
        offset = by;
    }

    public static void reset() {
        offset = Duration.ZERO;
    }

    @Produces
    @ApplicationScoped
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.now().plus(offset);
            }
        };
    }
}
