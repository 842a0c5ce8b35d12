package ru.parus.platform.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * For tests: replaces the system clock when a module selects it
 * ({@code %test.quarkus.arc.selected-alternatives=ru.parus.platform.testing.SettableClock}); a test moves time forward instead of
 * sleeping for it. It runs from the real time on, shifted by what tests have added, so time never
 * goes backwards for the other tests sharing the application.
 */
@Alternative
@Singleton
public class SettableClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    public synchronized void advance(Duration by) {
        offset = offset.plus(by);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }
}
