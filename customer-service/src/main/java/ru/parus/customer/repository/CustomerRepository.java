package ru.parus.customer.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import ru.parus.customer.domain.Customer;

/** Customers, their merge chains, storefronts, tags and notes. */
@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {
    /** What {@link #insertIfAbsent} writes: a storefront buyer's registration from an order. */
    public record NewBuyer(UUID id, String name, String phone, String email, String type, String ownerManagerId,
            OffsetDateTime createdAt, String registeredVia) {
    }

    /**
     * The ids that resolve to this customer: those merged into it, and those merged into them (A merged into B,
     * then B into C: both for C), oldest merge first.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> mergedFrom(UUID id) {
        return getEntityManager().createNativeQuery("""
                WITH RECURSIVE merged (id, merged_at, depth) AS (
                    SELECT id, merged_at, 1 FROM customer WHERE merged_into = ?1
                    UNION ALL
                    SELECT c.id, c.merged_at, merged.depth + 1 FROM customer c JOIN merged ON c.merged_into = merged.id
                    WHERE merged.depth < 10)
                SELECT id FROM merged ORDER BY merged_at, id""")
                .setParameter(1, id).getResultList();
    }

    /** A merged id resolves to the customer it was merged into (and on); an id this service does not know stays. */
    public UUID survivor(UUID customerId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = getEntityManager().createNativeQuery("""
                WITH RECURSIVE chain (id, merged_into, depth) AS (
                    SELECT id, merged_into, 0 FROM customer WHERE id = ?1
                    UNION ALL
                    SELECT c.id, c.merged_into, chain.depth + 1 FROM customer c JOIN chain ON c.id = chain.merged_into
                    WHERE chain.depth < 10)
                SELECT id FROM chain WHERE merged_into IS NULL""")
                .setParameter(1, customerId).getResultList();
        return rows.isEmpty() ? customerId : (UUID) rows.get(0);
    }

    /**
     * Registers the buyer unless the id is known already; true when this call inserted the row. Two orders of one
     * new buyer may arrive at two replicas at once: {@code ON CONFLICT DO NOTHING} lets one of them insert.
     */
    public boolean insertIfAbsent(NewBuyer buyer) {
        int inserted = getEntityManager().createNativeQuery("""
                INSERT INTO customer (id, name, phone, email, type, owner_manager_id, created_at, active_at,
                                      registered_via, order_count, lifetime_value_kopecks, dormancy_episode, version)
                VALUES (?1, ?2, NULLIF(?3, ''), NULLIF(?4, ''), ?5, NULLIF(?6, ''), ?7, ?7, ?8, 0, 0, 0, 0)
                ON CONFLICT (id) DO NOTHING""")
                .setParameter(1, buyer.id()).setParameter(2, buyer.name()).setParameter(3, orEmpty(buyer.phone()))
                .setParameter(4, orEmpty(buyer.email())).setParameter(5, buyer.type())
                .setParameter(6, orEmpty(buyer.ownerManagerId()))
                .setParameter(7, buyer.createdAt()).setParameter(8, buyer.registeredVia())
                .executeUpdate();
        return inserted > 0;
    }

    /** Issue 4: a storefront where the customer bought; the first order's time is kept. */
    public void recordStorefront(UUID customerId, String storefront, OffsetDateTime orderedAt) {
        getEntityManager().createNativeQuery("""
                INSERT INTO customer_storefront (customer_id, storefront, first_order_at) VALUES (?1, ?2, ?3)
                ON CONFLICT (customer_id, storefront) DO UPDATE
                SET first_order_at = LEAST(customer_storefront.first_order_at, EXCLUDED.first_order_at)""")
                .setParameter(1, customerId).setParameter(2, storefront).setParameter(3, orderedAt)
                .executeUpdate();
    }

    /** The storefronts where these customers have bought; sorted. */
    @SuppressWarnings("unchecked")
    public List<String> storefronts(List<UUID> customerIds) {
        return getEntityManager().createNativeQuery("""
                SELECT DISTINCT storefront FROM customer_storefront WHERE customer_id IN (?1) ORDER BY storefront""")
                .setParameter(1, customerIds).getResultList();
    }

    /** Sorted, so that a set compares and reads the same every time. */
    @SuppressWarnings("unchecked")
    public List<String> tags(UUID customerId) {
        return getEntityManager().createNativeQuery("SELECT tag FROM customer_tag WHERE customer_id = ?1 ORDER BY tag")
                .setParameter(1, customerId).getResultList();
    }

    public void replaceTags(UUID customerId, Iterable<String> tags) {
        getEntityManager().createNativeQuery("DELETE FROM customer_tag WHERE customer_id = ?1")
                .setParameter(1, customerId).executeUpdate();
        for (String tag : tags) {
            getEntityManager().createNativeQuery("INSERT INTO customer_tag (customer_id, tag) VALUES (?1, ?2)")
                    .setParameter(1, customerId).setParameter(2, tag).executeUpdate();
        }
    }

    /** @return the note's id */
    public long insertNote(UUID customerId, String text, String writtenBy, OffsetDateTime writtenAt) {
        return ((Number) getEntityManager().createNativeQuery("""
                INSERT INTO customer_note (customer_id, text, written_by, written_at) VALUES (?1, ?2, ?3, ?4) RETURNING id""")
                .setParameter(1, customerId).setParameter(2, text).setParameter(3, writtenBy).setParameter(4, writtenAt)
                .getSingleResult()).longValue();
    }

    /** Native queries get '' for null (NULLIF in the SQL): an untyped null would bind as bytea. */
    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
