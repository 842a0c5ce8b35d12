package ru.parus.customer.service;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.customer.domain.Customer;
import ru.parus.customer.repository.CustomerRepository;
import ru.parus.platform.access.AccessDirectory;
import ru.parus.platform.access.CustomerOwner;

/**
 * customer-service owns the facts platform's access policy decides on (R22, R24): the owner on the customer's row
 * (following merges to the survivor) and the deputyships it keeps from callcenter-events.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CustomerOwners implements AccessDirectory {
    private static final int MAX_MERGE_HOPS = 10;

    @Inject
    CustomerRepository customers;
    @Inject
    Deputies deputies;

    @Override
    public CustomerOwner ownerOf(UUID customerId) {
        Customer customer = customers.findById(customerId);
        for (int hops = 0; customer != null && customer.mergedInto != null && hops < MAX_MERGE_HOPS; hops++) {
            customer = customers.findById(customer.mergedInto);
        }
        return customer == null ? CustomerOwner.UNKNOWN : CustomerOwner.of(customer.ownerManagerId);
    }

    @Override
    public Set<String> managersCoveredBy(String staffId) {
        return new HashSet<>(deputies.coveredBy(staffId));
    }
}
