package ru.parus.platform.inbox;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.MeterRegistry;

import ru.parus.platform.events.IncomingEvent;

/**
 * The processed-event table of idempotent consumers. Delivery is at least once; a consumer calls
 * {@link #firstDelivery} in the transaction of its effect, so the effect and the record of it commit
 * or roll back together, and a duplicate is acknowledged and ignored.
 */
@ApplicationScoped
public class Inbox {
    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry registry;

    /**
     * Records the event for this consumer. Returns false if it was recorded before (a duplicate).
     * A concurrent delivery to another replica waits on the row lock, then sees the conflict.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, IncomingEvent event) {
        int inserted = em.createNativeQuery("""
                INSERT INTO inbox (consumer, event_id, event_type, received_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (consumer, event_id) DO NOTHING""")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .setParameter(4, OffsetDateTime.now(clock))
                .executeUpdate();
        if (inserted == 0) {
            registry.counter("parus.inbox.duplicates", "consumer", consumer).increment();
            return false;
        }
        return true;
    }
}
