package ru.parus.order.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import ru.parus.order.domain.BonusEntry;

/** R11: bonus accounts and their ledger. */
@ApplicationScoped
public class BonusRepository {
    @Inject
    EntityManager em;

    /** The customer's ledger, oldest first. */
    public List<BonusEntry> ledger(UUID customerId) {
        return em.createQuery("from BonusEntry where customerId = ?1 order by id", BonusEntry.class)
                .setParameter(1, customerId).getResultList();
    }

    /** Makes sure the customer has an account row (zero balance), without touching an existing one. */
    public void ensureAccount(UUID customerId) {
        em.createNativeQuery("INSERT INTO bonus_account (customer_id, balance_points) VALUES (?1, 0) "
                + "ON CONFLICT (customer_id) DO NOTHING").setParameter(1, customerId).executeUpdate();
    }

    /** The order's entry of this kind, or null. */
    public BonusEntry entryOf(UUID orderId, BonusEntry.Kind kind) {
        return em.createQuery("from BonusEntry where orderId = ?1 and kind = ?2", BonusEntry.class)
                .setParameter(1, orderId).setParameter(2, kind).getResultStream().findFirst().orElse(null);
    }
}
