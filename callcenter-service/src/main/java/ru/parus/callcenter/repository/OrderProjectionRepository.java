package ru.parus.callcenter.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import ru.parus.callcenter.domain.OrderProjection;

@ApplicationScoped
public class OrderProjectionRepository implements PanacheRepositoryBase<OrderProjection, UUID> {
    /** R7, R23: an upsell offer and its answer, once per offer. */
    public void recordUpsell(UUID offerId, UUID orderId, String managerId, boolean accepted, OffsetDateTime at) {
        getEntityManager().createNativeQuery("INSERT INTO upsell_offer (offer_id, order_id, manager_id, accepted, recorded_at) "
                + "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (offer_id) DO NOTHING")
                .setParameter(1, offerId).setParameter(2, orderId).setParameter(3, managerId)
                .setParameter(4, accepted).setParameter(5, at).executeUpdate();
    }
}
