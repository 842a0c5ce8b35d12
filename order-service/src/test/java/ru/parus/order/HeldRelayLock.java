package ru.parus.order;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import ru.parus.platform.outbox.OutboxRelay;

/**
 * The outbox relay's advisory lock held in a transaction of its own, as another replica's relay would hold it, until
 * {@link #close}: the service's relay sends nothing meanwhile.
 */
final class HeldRelayLock implements AutoCloseable {
    private final CountDownLatch release = new CountDownLatch(1);
    private final CompletableFuture<Void> holder;

    private HeldRelayLock(EntityManager em, CountDownLatch locked) {
        holder = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().timeout(120).run(() -> {
            em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, OutboxRelay.RELAY_LOCK)
                    .getSingleResult();
            locked.countDown();
            try {
                if (!release.await(90, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the relay's lock was never released by the test");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
    }

    /** Takes the lock; returns once it is held. */
    static HeldRelayLock take(EntityManager em) throws InterruptedException {
        CountDownLatch locked = new CountDownLatch(1);
        HeldRelayLock held = new HeldRelayLock(em, locked);
        if (!locked.await(30, TimeUnit.SECONDS)) {
            held.close();
            throw new IllegalStateException("the relay's lock was not taken within 30 s");
        }
        return held;
    }

    /** Releases the lock (ends its transaction). */
    @Override
    public void close() {
        release.countDown();
        holder.orTimeout(30, TimeUnit.SECONDS).join();
    }
}
