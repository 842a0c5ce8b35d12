package ru.parus.fulfillment.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import ru.parus.fulfillment.domain.OrderState;

/** What fulfilment remembers of each order's events (R12), one row per order. */
@ApplicationScoped
public class OrderStateRepository {
    @Inject
    EntityManager em;

    /** The order's row, created if new and locked: events of one order take turns even across replicas. */
    public OrderState lockOrCreate(UUID orderId, OffsetDateTime now) {
        em.createNativeQuery("INSERT INTO order_state (order_id, updated_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, orderId)
                .setParameter(2, now)
                .executeUpdate();
        return lock(orderId);
    }

    public OrderState lock(UUID orderId) {
        return em.find(OrderState.class, orderId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** R24: the orders whose stored OrderConfirmed names this customer. */
    @SuppressWarnings("unchecked")
    public List<UUID> confirmedOf(UUID customerId) {
        return em.createNativeQuery("""
                SELECT order_id FROM order_state
                WHERE confirmed_payload IS NOT NULL AND confirmed_payload::jsonb ->> 'customerId' = ?1""", UUID.class)
                .setParameter(1, customerId.toString()).getResultList();
    }
}
