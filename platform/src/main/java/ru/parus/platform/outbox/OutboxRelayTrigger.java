package ru.parus.platform.outbox;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import ru.parus.platform.worker.WakeableWorker;

/**
 * Decides when {@link OutboxRelay} drains: right after each commit that wrote an outbox row, at
 * start-up, and on a fallback poll: {@code poll-interval} (1 s) after a drain that failed or found
 * another relay busy, otherwise {@code idle-poll-interval} (10 s) after the last drain, so that an idle service runs no
 * transaction a second (issue 15). The fallback is the relay thread's own timer, set at the end of every drain, so
 * an idle relay sleeps 10 s instead of being looked at every second by a scheduled job. Kept apart from the relay
 * because a wake-up may come before messaging has wired the relay's emitter; this bean injects no emitter, so nothing
 * fails then.
 */
@ApplicationScoped
public class OutboxRelayTrigger {
    private static final Logger LOG = Logger.getLogger(OutboxRelayTrigger.class);

    @Inject
    OutboxRelay relay;
    @Inject
    OutboxConfig config;

    private final WakeableWorker worker = new WakeableWorker("outbox-relay", this::drain);
    private volatile boolean started;

    void onStart(@Observes StartupEvent event) {
        started = true;
        wake();
    }

    void onShutdown(@Observes ShutdownEvent event) {
        started = false;
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxWritten written) {
        wake();
    }

    /** Asks for a drain; wakes that arrive during a drain are folded into one more drain. */
    public void wake() {
        if (started) {
            worker.wake();
        }
    }

    /** Runs {@code task} on the relay's thread, after any drain in progress. */
    void runOnRelayThread(Runnable task) {
        worker.execute(task);
    }

    private void drain() {
        if (!started) {
            return; // a fallback due while the service stops
        }
        boolean lookAgain = true;
        try {
            int published;
            do {
                published = relay.relayBatch();
            } while (started && published >= config.batchSize()); // a full batch: more rows are probably waiting
            lookAgain = published == OutboxRelay.BUSY;
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay: batch not published, retrying at the next poll: %s", e.toString());
        } finally {
            worker.wakeAfter(lookAgain ? config.pollInterval() : config.idlePollInterval());
        }
    }

    @PreDestroy
    void stop() {
        worker.stop();
    }
}
