package ru.parus.notification.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.notification.domain.CustomerReachability;
import ru.parus.notification.repository.CustomerReachabilityRepository;
import ru.parus.notification.repository.ManagerAbsenceRepository;
import ru.parus.platform.access.AccessDirectory;
import ru.parus.platform.access.CustomerOwner;

/**
 * The facts platform's access policy ({@code CustomerAccess}, R22, R24) decides on, from what this service keeps
 * already: the owner on the customer reachability projection (any customer event with {@code ownerManagerId},
 * following merges to the survivor) and the deputies of {@code ManagerAbsenceStarted/Ended} from callcenter-events.
 * Replaces platform's default projection, so owners and absences are not kept twice.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CustomerOwners implements AccessDirectory {
    @Inject
    CustomerReachabilityRepository reachability;
    @Inject
    ManagerAbsenceRepository absences;
    @Inject
    Clock clock;

    /** R24: no row (or a merge whose survivor is not known here) is UNKNOWN; a row without an owner UNOWNED. */
    @Override
    public CustomerOwner ownerOf(UUID customerId) {
        CustomerReachability r = customerId == null ? null : reachability.resolve(customerId);
        return r == null ? CustomerOwner.UNKNOWN : CustomerOwner.of(r.ownerManagerId);
    }

    /** R22: from the absence's start until it ended or its planned end passed, whichever comes first. */
    @Override
    public Set<String> managersCoveredBy(String staffId) {
        return absences.coveredBy(staffId, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
    }
}
