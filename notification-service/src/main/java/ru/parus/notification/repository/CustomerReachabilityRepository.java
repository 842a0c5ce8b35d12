package ru.parus.notification.repository;

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
}
