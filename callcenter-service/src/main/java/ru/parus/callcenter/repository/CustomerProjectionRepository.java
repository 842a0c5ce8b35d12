package ru.parus.callcenter.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import ru.parus.callcenter.domain.CustomerProjection;

@ApplicationScoped
public class CustomerProjectionRepository implements PanacheRepositoryBase<CustomerProjection, UUID> {
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
}
