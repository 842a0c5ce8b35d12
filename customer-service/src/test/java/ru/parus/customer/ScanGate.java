package ru.parus.customer;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import ru.parus.platform.outbox.Outbox;

/**
 * Holds one chosen thread inside its transaction after it wrote outbox rows, just before its commit, so that a
 * test can run a second dormancy scan while the first has not committed yet (two replicas at once).
 * {@code Outbox.publishAll} fires {@link Outbox.OutboxWritten} when it builds the statement, before it runs:
 * observed {@code BEFORE_COMPLETION}, the hold comes after the statement ran, with its row locks taken.
 */
@ApplicationScoped
public class ScanGate {
    private volatile Thread held;
    private volatile CountDownLatch entered = new CountDownLatch(1);
    private volatile CountDownLatch release = new CountDownLatch(1);

    /** Called by the test before the scan starts, so that awaitEntered waits on the right latch. */
    public void arm() {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    /** Called on the thread that will run the scan to hold. */
    public void holdCurrentThread() {
        held = Thread.currentThread();
    }

    public boolean awaitEntered() throws InterruptedException {
        return entered.await(10, TimeUnit.SECONDS);
    }

    public void release() {
        held = null;
        release.countDown();
    }

    void onOutboxWritten(@Observes(during = TransactionPhase.BEFORE_COMPLETION) Outbox.OutboxWritten written)
            throws InterruptedException {
        if (Thread.currentThread() == held) {
            entered.countDown();
            release.await(10, TimeUnit.SECONDS);
        }
    }
}
