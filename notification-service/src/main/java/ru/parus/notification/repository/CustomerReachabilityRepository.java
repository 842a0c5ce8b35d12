package ru.parus.notification.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import ru.parus.notification.domain.CustomerReachability;

@ApplicationScoped
public class CustomerReachabilityRepository implements PanacheRepositoryBase<CustomerReachability, UUID> {
    /** The projection a customer id stands for now, following merges (at most a few hops). */
    public CustomerReachability resolve(UUID customerId) {
        CustomerReachability r = findById(customerId);
        for (int hops = 0; r != null && r.mergedInto != null && hops < 10; hops++) {
            CustomerReachability next = findById(r.mergedInto);
            if (next == null) {
                return null;
            }
            r = next;
        }
        return r;
    }

    /** R11: customers with at least one granted consent, neither merged away nor erased, by id. */
    @SuppressWarnings("unchecked")
    public List<UUID> consentedCustomers() {
        return getEntityManager().createNativeQuery("""
                SELECT customer_id FROM customer_reachability
                WHERE granted_channels <> '[]' AND merged_into IS NULL AND erased_at IS NULL ORDER BY customer_id""", UUID.class)
                .getResultList();
    }
}
