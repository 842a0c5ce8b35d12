package ru.parus.order.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The customer's type, from the customer projection that CustomerDirectory keeps (R7: "traditional" offers). */
@ApplicationScoped
@Transactional
public class CustomerTypes {
    @Inject
    EntityManager em;

    @SuppressWarnings("unchecked")
    public Optional<String> of(UUID customerId) {
        List<String> found = em.createNativeQuery(
                "SELECT type FROM customer_projection WHERE customer_id = ?1 AND type IS NOT NULL", String.class)
                .setParameter(1, customerId).getResultList();
        return found.stream().findFirst();
    }
}
