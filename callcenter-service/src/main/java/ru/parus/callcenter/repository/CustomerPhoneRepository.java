package ru.parus.callcenter.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** R18: {@code customer_phone}, the customers' numbers calls are matched by. */
@ApplicationScoped
public class CustomerPhoneRepository {
    @Inject
    EntityManager em;

    public void add(UUID customerId, String phone) {
        em.createNativeQuery("INSERT INTO customer_phone (customer_id, phone) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, customerId).setParameter(2, phone).executeUpdate();
    }

    public void removeAll(UUID customerId) {
        em.createNativeQuery("DELETE FROM customer_phone WHERE customer_id = ?1").setParameter(1, customerId)
                .executeUpdate();
    }

    /** The customers with this number, a merged one counted as its survivor. */
    @SuppressWarnings("unchecked")
    public List<UUID> customersWith(String phone) {
        return em.createNativeQuery("""
                SELECT DISTINCT COALESCE(p.merged_into, cp.customer_id)
                FROM customer_phone cp LEFT JOIN customer_projection p ON p.customer_id = cp.customer_id
                WHERE cp.phone = ?1""", UUID.class).setParameter(1, phone).getResultList();
    }
}
