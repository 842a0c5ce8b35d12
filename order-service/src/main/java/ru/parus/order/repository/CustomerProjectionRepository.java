package ru.parus.order.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import ru.parus.order.domain.CustomerProjection;

@ApplicationScoped
public class CustomerProjectionRepository implements PanacheRepositoryBase<CustomerProjection, UUID> {

    /**
     * R25: the channels with consent given at the customer's {@code version}, unless a later version was applied;
     * a customer not yet registered gets a row of its own (CustomerRegistered fills it in).
     */
    public void consents(UUID customerId, List<String> granted, long version, OffsetDateTime now) {
        getEntityManager().createNativeQuery("""
                INSERT INTO customer_projection (customer_id, provisional, updated_at, consented_channels, consents_version)
                VALUES (?1, FALSE, ?2, CAST(?3 AS text[]), ?4)
                ON CONFLICT (customer_id) DO UPDATE SET consented_channels = EXCLUDED.consented_channels,
                    consents_version = EXCLUDED.consents_version, updated_at = EXCLUDED.updated_at
                WHERE customer_projection.consents_version IS NULL
                   OR customer_projection.consents_version <= EXCLUDED.consents_version""")
                .setParameter(1, customerId).setParameter(2, now).setParameter(3, "{" + String.join(",", granted) + "}")
                .setParameter(4, version).executeUpdate();
    }

    /** Customers registered by customer-service first, then the oldest provisional one. */
    public Optional<CustomerProjection> byPhone(String e164) {
        return find("phone", Sort.by("provisional").and("updatedAt"), e164).firstResultOptional();
    }

    public Optional<CustomerProjection> byEmail(String email) {
        return find("lower(email) = ?1", Sort.by("provisional").and("updatedAt"), email.toLowerCase())
                .firstResultOptional();
    }
}
