package ru.parus.platform.worker;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One daemon thread that runs a drain when woken: after a commit that left work for it, and on a fallback poll. Wakes
 * that arrive while a drain runs fold into one more drain, so a burst of commits costs a few drains, not one each,
 * and an idle service's thread sleeps instead of polling (issue 15). The fallback poll is the worker's own timer
 * ({@link #wakeAfter}), not a scheduler's job: the thread sleeps until it is due instead of being checked every second.
 * Used by the outbox relay and by notification-service's dispatcher.
 */
public final class WakeableWorker {
    private final ScheduledThreadPoolExecutor thread;
    private final Runnable drain;
    private final AtomicBoolean wakeScheduled = new AtomicBoolean();
    private ScheduledFuture<?> fallback; // guarded by this

    /** {@code drain} runs on the thread named {@code threadName}; it should drain until nothing is left. */
    public WakeableWorker(String threadName, Runnable drain) {
        this.drain = drain;
        this.thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        thread.setRemoveOnCancelPolicy(true); // a fallback replaced at every drain must not pile up in the queue
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Asks for a drain; returns at once. */
    public void wake() {
        if (wakeScheduled.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    wakeScheduled.set(false);
                    drain.run();
                });
            } catch (RejectedExecutionException stopped) {
                wakeScheduled.set(false); // the worker was stopped: nothing more runs
            }
        }
    }

    /**
     * Asks for a drain in {@code delay} (the fallback poll, for a wake-up that was lost or work that could not be done
     * now), replacing the previous such request: a drain would usually set the next one when it ends. A request already
     * due between half of {@code delay} and {@code delay} from now is kept, so that a busy worker, which asks at the end
     * of every drain, does not cancel and queue a timer each time; the fallback may then come up to half a delay early,
     * which costs one drain that finds nothing.
     */
    public synchronized void wakeAfter(Duration delay) {
        long nanos = delay.toNanos();
        if (fallback != null) {
            long dueIn = fallback.getDelay(TimeUnit.NANOSECONDS);
            if (!fallback.isDone() && dueIn <= nanos && dueIn >= nanos / 2) {
                return;
            }
            fallback.cancel(false);
        }
        try {
            fallback = thread.schedule(this::wake, nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            fallback = null; // the worker was stopped: nothing more runs
        }
    }

    /** When the fallback is due, for tests; empty when none is waiting. */
    synchronized Optional<Duration> fallbackDueIn() {
        return fallback == null || fallback.isDone() ? Optional.empty()
                : Optional.of(Duration.ofNanos(fallback.getDelay(TimeUnit.NANOSECONDS)));
    }

    /** Runs {@code task} on the worker's thread, after any drain in progress. */
    public void execute(Runnable task) {
        thread.execute(task);
    }

    public void stop() {
        thread.shutdown();
    }
}
