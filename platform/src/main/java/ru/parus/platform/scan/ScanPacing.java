package ru.parus.platform.scan;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import ru.parus.platform.outbox.Outbox;

/**
 * Lets a periodic scan of due rows (R14 dormancy, R15 unpaid orders, R25 replenishment, R22 absences) skip its
 * database work while nothing can be due, so that an idle service runs no transaction every few seconds (issue 15)
 * and a busy one still fires within a tick of the due time.
 *
 * <p>A scan that finished all that was due says when the next row falls due ({@link #NOTHING_WAITING} when none); the
 * following ticks skip it until then, or until {@code parus.scan.max-skip} (1 min) has passed, or until this service
 * changed something: any commit that wrote an outbox row (but a set-based scan's own), and any batch of consumed events. A due time is written by
 * such a change (an order placed, an absence planned, a customer registered), so it is seen at the next tick even when
 * it is already past. A clock moved backwards ends the skip as well. State is per replica: each one skips on what it
 * saw, and a replica's scan still takes the job's advisory lock ({@link ScanLock}).
 */
@ApplicationScoped
public class ScanPacing {
    /** What a scan returns when no row is waiting at all: it looks again after {@code max-skip} or a change. */
    public static final Instant NOTHING_WAITING = Instant.MAX;

    @Inject
    ScanConfig config;
    @Inject
    Clock clock;
    @Inject
    TransactionSynchronizationRegistry transactions;

    private final AtomicLong changes = new AtomicLong();
    private final Map<String, Skip> skips = new ConcurrentHashMap<>();

    /** The state after a finished scan: nothing due before {@code until}, as of {@code changes} and {@code at}. */
    private record Skip(long changes, Instant at, Instant until) {
        boolean holds(long changesNow, Instant now) {
            return changesNow == changes && !now.isBefore(at) && now.isBefore(until);
        }
    }

    /**
     * Runs {@code scan} unless the job's last run said nothing is due yet and nothing changed since. The scan returns
     * when the next row falls due ({@link #NOTHING_WAITING}: none waiting). A row left due (another replica held the
     * lock, a full batch left) gives a time already past, so the next tick runs the scan again.
     */
    public void run(String job, Supplier<Instant> scan) {
        if (!mayBeDue(job)) {
            return;
        }
        Look look = look();
        finished(job, look, scan.get());
    }

    /** False while the job's last finished run said nothing is due yet and nothing changed since. */
    public boolean mayBeDue(String job) {
        Skip skip = skips.get(job);
        return skip == null || !skip.holds(changes.get(), clock.instant());
    }

    /** Taken when a run starts looking at the database: what it may have seen. */
    public record Look(long changes, Instant at) {
    }

    public Look look() {
        return new Look(changes.get(), clock.instant());
    }

    /** A run that started with {@code look} finished: nothing is due before {@code nextDue} (see {@link #run}). */
    public void finished(String job, Look look, Instant nextDue) {
        Instant cap = look.at().plus(config.maxSkip());
        skips.put(job, new Skip(look.changes(), look.at(), nextDue.isBefore(cap) ? nextDue : cap));
    }

    /** Something this service did may have written a due time: every job looks at its next tick. */
    public void changed() {
        changes.incrementAndGet();
    }

    /**
     * The instant a scan's next-due query returns ({@code SELECT min(...)}: one row, one timestamp column, parameters
     * numbered from 1), or {@link #NOTHING_WAITING} when it returns null. Needs a transaction.
     */
    public static Instant earliest(EntityManager em, String sql, Object... parameters) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        Object value = query.getSingleResult();
        if (value == null) {
            return NOTHING_WAITING;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return (Instant) value;
    }

    /** {@code first} plus {@code wait}, for a rule that fires a fixed time after a row's instant; none stays none. */
    public static Instant after(Instant first, Duration wait) {
        return first.equals(NOTHING_WAITING) ? NOTHING_WAITING : first.plus(wait);
    }

    /**
     * {@link #changed()} once the current transaction commits, for a change that writes no outbox row (a future
     * absence); at once without a transaction. Before the commit a scan could look, not see the row and still count
     * the change as seen.
     */
    public void changedOnCommit() {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            changed();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    changed();
                }
            }
        });
    }

    /**
     * A row written by {@code Outbox.publishAll} (no event id) is a set-based scan's own event, fired whether or not the
     * scan found anything: counting it would make every scan wake the next one.
     */
    void outboxWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxWritten written) {
        if (written.eventId() != null) {
            changed();
        }
    }
}
