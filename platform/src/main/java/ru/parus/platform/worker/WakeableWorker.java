package ru.parus.platform.worker;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One daemon thread that runs a drain when woken: after a commit that left work for it, and on a fallback poll. Wakes
 * that arrive while a drain runs fold into one more drain, so a burst of commits costs a few drains, not one each,
 * and an idle service's thread sleeps instead of polling (issue 15). Used by the outbox relay and by
 * notification-service's dispatcher.
 */
public final class WakeableWorker {
    private final ExecutorService thread;
    private final Runnable drain;
    private final AtomicBoolean wakeScheduled = new AtomicBoolean();

    /** {@code drain} runs on the thread named {@code threadName}; it should drain until nothing is left. */
    public WakeableWorker(String threadName, Runnable drain) {
        this.drain = drain;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Asks for a drain; returns at once. */
    public void wake() {
        if (wakeScheduled.compareAndSet(false, true)) {
            thread.execute(() -> {
                wakeScheduled.set(false);
                drain.run();
            });
        }
    }

    /** Runs {@code task} on the worker's thread, after any drain in progress. */
    public void execute(Runnable task) {
        thread.execute(task);
    }

    public void stop() {
        thread.shutdown();
    }
}
