package ru.parus.platform.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WakeableWorkerTest {
    private final Semaphore drains = new Semaphore(0);
    private final AtomicInteger drained = new AtomicInteger();
    private WakeableWorker worker = new WakeableWorker("test-worker", () -> {
        drained.incrementAndGet();
        drains.release();
    });

    @AfterEach
    void stop() {
        worker.stop();
    }

    @Test
    void wakesThatArriveDuringADrainFoldIntoOneMoreDrain() throws Exception {
        CountDownLatch inDrain = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        worker.stop();
        worker = new WakeableWorker("test-worker", () -> {
            if (runs.incrementAndGet() == 1) {
                inDrain.countDown();
                await(release);
            }
            drains.release();
        });
        worker.wake();
        assertTrue(inDrain.await(5, TimeUnit.SECONDS));
        for (int i = 0; i < 10; i++) {
            worker.wake();
        }
        release.countDown();
        assertTrue(drains.tryAcquire(2, 5, TimeUnit.SECONDS));
        assertEquals(false, drains.tryAcquire(300, TimeUnit.MILLISECONDS), "ten wakes during a drain: one more drain");
        assertEquals(2, runs.get());
    }

    @Test
    void theFallbackDrainsWhenDue() throws Exception {
        worker.wakeAfter(Duration.ofMillis(100));
        assertTrue(drains.tryAcquire(5, TimeUnit.SECONDS));
        assertTrue(worker.fallbackDueIn().isEmpty());
    }

    @Test
    void aLaterRequestReplacesAnEarlierOneThatIsDueMuchSooner() throws Exception {
        worker.wakeAfter(Duration.ofMillis(200));
        worker.wakeAfter(Duration.ofSeconds(10));
        assertEquals(false, drains.tryAcquire(600, TimeUnit.MILLISECONDS), "the 200 ms request was replaced");
        assertTrue(worker.fallbackDueIn().orElseThrow().compareTo(Duration.ofSeconds(9)) > 0);
    }

    @Test
    void anEarlierRequestReplacesALaterOne() throws Exception {
        worker.wakeAfter(Duration.ofSeconds(10));
        worker.wakeAfter(Duration.ofMillis(100));
        assertTrue(drains.tryAcquire(5, TimeUnit.SECONDS));
    }

    @Test
    void aBusyWorkerKeepsTheTimerItAlreadyHas() throws Exception {
        worker.wakeAfter(Duration.ofSeconds(10));
        Thread.sleep(300);
        Duration before = worker.fallbackDueIn().orElseThrow();
        worker.wakeAfter(Duration.ofSeconds(10)); // due in 9.7 s: kept, not moved to 10 s
        Duration after = worker.fallbackDueIn().orElseThrow();
        assertTrue(after.compareTo(before) <= 0, before + " then " + after);
        assertTrue(after.compareTo(Duration.ofMillis(9_800)) < 0, after.toString());
    }

    @Test
    void nothingRunsAfterStop() throws Exception {
        worker.wakeAfter(Duration.ofMillis(100));
        worker.stop();
        worker.wake();
        worker.wakeAfter(Duration.ofMillis(50));
        assertEquals(false, drains.tryAcquire(500, TimeUnit.MILLISECONDS));
        assertEquals(0, drained.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
