package ru.parus.callcenter.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import ru.parus.callcenter.domain.OrderProjection;

@ApplicationScoped
public class OrderProjectionRepository implements PanacheRepositoryBase<OrderProjection, UUID> {
    /** R25: the product families the order contained, once each. */
    public void recordFamilies(UUID orderId, java.util.Collection<UUID> familyIds) {
        for (UUID family : familyIds) {
            getEntityManager().createNativeQuery("INSERT INTO order_family (order_id, family_id) VALUES (?1, ?2) "
                    + "ON CONFLICT DO NOTHING").setParameter(1, orderId).setParameter(2, family).executeUpdate();
        }
    }

    /**
     * R25: whether the customer (under any of the ids given: the survivor and those merged into it, R24) placed an
     * order of the family after the given order (a reorder that makes its replenishment moot); false when that order's
     * time is unknown.
     */
    public boolean reorderedSince(java.util.Collection<UUID> customerIds, UUID familyId, UUID orderId) {
        Number n = (Number) getEntityManager().createNativeQuery("""
                SELECT count(*) FROM order_projection o JOIN order_family f ON f.order_id = o.order_id
                JOIN order_projection source ON source.order_id = ?3
                WHERE o.customer_id IN (?1) AND f.family_id = ?2 AND o.order_id <> ?3 AND o.cancelled_at IS NULL
                AND o.placed_at > source.placed_at""")
                .setParameter(1, customerIds).setParameter(2, familyId).setParameter(3, orderId).getSingleResult();
        return n.longValue() > 0;
    }

    /** R7, R23: an upsell offer and its answer, once per offer. */
    public void recordUpsell(UUID offerId, UUID orderId, String managerId, boolean accepted, OffsetDateTime at) {
        getEntityManager().createNativeQuery("INSERT INTO upsell_offer (offer_id, order_id, manager_id, accepted, recorded_at) "
                + "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (offer_id) DO NOTHING")
                .setParameter(1, offerId).setParameter(2, orderId).setParameter(3, managerId)
                .setParameter(4, accepted).setParameter(5, at).executeUpdate();
    }
}
