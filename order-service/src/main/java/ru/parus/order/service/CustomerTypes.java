package ru.parus.order.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** order-service's projection of customer-events: customer id -> type, for "traditional" offers (R7). */
@ApplicationScoped
@Transactional
public class CustomerTypes {
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    public void record(UUID customerId, String type) {
        em.createNativeQuery("""
                INSERT INTO customer_type_projection (customer_id, customer_type, updated_at) VALUES (?1, ?2, ?3)
                ON CONFLICT (customer_id) DO UPDATE SET customer_type = EXCLUDED.customer_type, updated_at = EXCLUDED.updated_at""")
                .setParameter(1, customerId).setParameter(2, type).setParameter(3, OffsetDateTime.now(clock))
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public Optional<String> of(UUID customerId) {
        List<String> found = em.createNativeQuery("SELECT customer_type FROM customer_type_projection WHERE customer_id = ?1",
                String.class).setParameter(1, customerId).getResultList();
        return found.stream().findFirst();
    }
}
