package ru.parus.fulfillment.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** R24: the customers erased on request, remembered so that their later orders are stored blank too. */
@ApplicationScoped
public class ErasedCustomers {
    @Inject
    EntityManager em;

    /** Remembers the erasure; a second one keeps the first time. */
    public void remember(UUID customerId, OffsetDateTime erasedAt) {
        em.createNativeQuery("INSERT INTO erased_customer (customer_id, erased_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, customerId).setParameter(2, erasedAt).executeUpdate();
    }

    /** When the customer was erased, or null. */
    public OffsetDateTime erasedAt(UUID customerId) {
        List<?> found = em.createNativeQuery("SELECT erased_at FROM erased_customer WHERE customer_id = ?1",
                OffsetDateTime.class).setParameter(1, customerId).getResultList();
        return found.isEmpty() ? null : (OffsetDateTime) found.get(0);
    }
}
