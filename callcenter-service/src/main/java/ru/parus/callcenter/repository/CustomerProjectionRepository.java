package ru.parus.callcenter.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import ru.parus.callcenter.domain.CustomerProjection;

@ApplicationScoped
public class CustomerProjectionRepository implements PanacheRepositoryBase<CustomerProjection, UUID> {
    /** How far a chain of merges is followed (a guard against a cycle in what the events said). */
    public static final int MAX_MERGE_HOPS = 10;

    /**
     * The customer's row, created if missing, locked until the transaction ends. The consumers of customer-events
     * and order-events write the same row concurrently (a new customer's CustomerRegistered and first OrderPlaced
     * arrive together): a find-then-persist raced on the primary key, and two read-modify-writes lost one update.
     * Call it before any other read of the row in the transaction (a copy read earlier is not refreshed).
     */
    public CustomerProjection lockOrCreate(UUID customerId, OffsetDateTime now) {
        getEntityManager().createNativeQuery(
                "INSERT INTO customer_projection (customer_id, updated_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, customerId).setParameter(2, now).executeUpdate();
        return findById(customerId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * R24: where a customer's chain of merges ends, followed through at most {@link #MAX_MERGE_HOPS} merges. Its three
     * ends differ while a survivor is not known here yet (its CustomersMerged came before its CustomerRegistered):
     * {@code survivorId} is the id the customer goes by now (itself if never merged), {@code survivor} that id's row
     * (null while unknown), {@code lastKnown} the last row of the chain this service has (null if none).
     */
    public record MergeChain(UUID survivorId, CustomerProjection survivor, CustomerProjection lastKnown) {
    }

    public MergeChain followMerges(UUID customerId) {
        UUID id = customerId;
        CustomerProjection row = customerId == null ? null : findById(customerId);
        CustomerProjection lastKnown = row;
        for (int hops = 0; row != null && row.mergedInto != null && hops < MAX_MERGE_HOPS; hops++) {
            id = row.mergedInto;
            row = findById(id);
            if (row != null) {
                lastKnown = row;
            }
        }
        return new MergeChain(id, row, lastKnown);
    }

    /** R24: the id a customer goes by now: the survivor of its merges, itself if never merged. */
    public UUID survivorId(UUID customerId) {
        return followMerges(customerId).survivorId();
    }

    /** R24: the customer and everyone merged into them, through any chain (at most 10 merges deep). */
    @SuppressWarnings("unchecked")
    public List<UUID> mergedWith(UUID survivorId) {
        return getEntityManager().createNativeQuery("""
                WITH RECURSIVE grp(id, hops) AS (
                    SELECT CAST(?1 AS uuid), 0
                    UNION ALL
                    SELECT c.customer_id, g.hops + 1 FROM grp g JOIN customer_projection c ON c.merged_into = g.id
                    WHERE g.hops < ?2)
                SELECT id FROM grp""", UUID.class).setParameter(1, survivorId).setParameter(2, MAX_MERGE_HOPS)
                .getResultList();
    }
}
