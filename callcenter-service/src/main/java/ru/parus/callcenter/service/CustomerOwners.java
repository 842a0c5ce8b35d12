package ru.parus.callcenter.service;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.callcenter.domain.CustomerProjection;
import ru.parus.callcenter.repository.AbsenceRepository;
import ru.parus.callcenter.repository.CustomerProjectionRepository;
import ru.parus.platform.access.AccessDirectory;
import ru.parus.platform.access.CustomerOwner;

/**
 * The facts platform's access policy ({@code CustomerAccess}, R22, R24) decides on, from this service's own tables:
 * the owner on the customer projection (following merges to the survivor) and the absences it runs itself (an ACTIVE
 * absence makes its deputy cover the manager). Replaces platform's default projection, so nothing is kept twice.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CustomerOwners implements AccessDirectory {

    @Inject
    CustomerProjectionRepository customers;
    @Inject
    AbsenceRepository absences;

    /** R24: no row (or a merge whose survivor is not known here) is UNKNOWN; a row without an owner UNOWNED. */
    @Override
    public CustomerOwner ownerOf(UUID customerId) {
        CustomerProjection c = customers.followMerges(customerId).survivor();
        return c == null ? CustomerOwner.UNKNOWN : CustomerOwner.of(c.ownerManagerId);
    }

    /** R22: the managers whose absence this staff member covers now (the same ACTIVE absences that move tasks). */
    @Override
    public Set<String> managersCoveredBy(String staffId) {
        return absences.coveredBy(staffId);
    }
}
