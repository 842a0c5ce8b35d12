package ru.parus.order.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import ru.parus.order.domain.CustomerProjection;

@ApplicationScoped
public class CustomerProjectionRepository implements PanacheRepositoryBase<CustomerProjection, UUID> {

    /** Customers registered by customer-service first, then the oldest provisional one. */
    public Optional<CustomerProjection> byPhone(String e164) {
        return find("phone", Sort.by("provisional").and("updatedAt"), e164).firstResultOptional();
    }

    public Optional<CustomerProjection> byEmail(String email) {
        return find("lower(email) = ?1", Sort.by("provisional").and("updatedAt"), email.toLowerCase())
                .firstResultOptional();
    }
}
