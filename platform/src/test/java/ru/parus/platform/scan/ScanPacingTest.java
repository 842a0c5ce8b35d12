package ru.parus.platform.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When a paced scan runs and when its tick skips the database (issue 15; R14, R15, R22, R25 scans). */
class ScanPacingTest {
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-05T12:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    final MovableClock clock = new MovableClock();
    final ScanPacing pacing = new ScanPacing();
    /** What each run of the scan answers, in order; every run takes one. */
    final Deque<Instant> answers = new ArrayDeque<>();
    int runs;

    @BeforeEach
    void wire() {
        pacing.clock = clock;
        pacing.config = () -> Duration.ofMinutes(1);
    }

    void tick() {
        pacing.run("job", () -> {
            runs++;
            return answers.removeFirst();
        });
    }

    @Test
    void skipsUntilTheNextDueTimeThenRuns() {
        answers.add(clock.now.plusSeconds(30));
        tick();
        tick();
        clock.now = clock.now.plusSeconds(29);
        tick();
        assertEquals(1, runs, "nothing due for 30 s: the ticks before it skip");
        answers.add(ScanPacing.NOTHING_WAITING);
        clock.now = clock.now.plusSeconds(1);
        tick();
        assertEquals(2, runs, "the due time came: the scan runs");
    }

    @Test
    void nothingWaitingSkipsForTheMaximumOnly() {
        answers.add(ScanPacing.NOTHING_WAITING);
        tick();
        clock.now = clock.now.plusSeconds(59);
        tick();
        assertEquals(1, runs);
        answers.add(ScanPacing.NOTHING_WAITING);
        clock.now = clock.now.plusSeconds(1);
        tick();
        assertEquals(2, runs, "parus.scan.max-skip bounds the skip");
    }

    @Test
    void aChangeEndsTheSkip() {
        answers.add(ScanPacing.NOTHING_WAITING);
        tick();
        pacing.changed();
        answers.add(ScanPacing.NOTHING_WAITING);
        tick();
        tick();
        assertEquals(2, runs, "one run after the change, then skipping again");
    }

    @Test
    void aChangeDuringTheScanIsNotCountedAsSeen() {
        pacing.run("job", () -> {
            runs++;
            pacing.changed(); // committed while the scan was looking: it may not have seen it
            return ScanPacing.NOTHING_WAITING;
        });
        answers.add(ScanPacing.NOTHING_WAITING);
        tick();
        assertEquals(2, runs);
    }

    @Test
    void anUnfinishedScanRunsAgainAtTheNextTick() {
        answers.add(clock.now.minusSeconds(1)); // a row left due: another replica held the lock, or a batch was full
        tick();
        answers.add(ScanPacing.NOTHING_WAITING);
        tick();
        assertEquals(2, runs);
    }

    @Test
    void aClockMovedBackwardsEndsTheSkip() {
        answers.add(clock.now.plusSeconds(30));
        tick();
        clock.now = clock.now.minusSeconds(5);
        answers.add(ScanPacing.NOTHING_WAITING);
        tick();
        assertEquals(2, runs);
    }

    @Test
    void aFailedScanRunsAgainAtTheNextTick() {
        try {
            pacing.run("job", () -> {
                runs++;
                throw new IllegalStateException("database down");
            });
        } catch (IllegalStateException expected) {
            // the scheduler logs it
        }
        answers.add(ScanPacing.NOTHING_WAITING);
        tick();
        assertEquals(2, runs);
    }

    @Test
    void jobsAreSkippedEachOnItsOwnDueTime() {
        answers.add(clock.now.plusSeconds(30));
        tick();
        int[] other = {0};
        pacing.run("other", () -> {
            other[0]++;
            return ScanPacing.NOTHING_WAITING;
        });
        assertEquals(1, runs);
        assertEquals(1, other[0], "another job's skip does not hold for this one");
    }

    @Test
    void aRuleAFixedTimeAfterARowIsDueThatLongAfterItAndNoneStaysNone() {
        Instant placed = Instant.parse("2026-12-03T10:00:00Z");
        assertEquals(Instant.parse("2026-12-05T10:00:00Z"), ScanPacing.after(placed, Duration.ofDays(2)));
        assertEquals(ScanPacing.NOTHING_WAITING, ScanPacing.after(ScanPacing.NOTHING_WAITING, Duration.ofDays(2)));
    }
}
