package ru.parus.notification.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.notification.domain.CustomerReachability;
import ru.parus.notification.repository.CustomerReachabilityRepository;
import ru.parus.notification.repository.ManagerAbsenceRepository;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;
import ru.parus.platform.security.CurrentStaff;

/** R24: who may read a customer's messages. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MessageAccess {
    @Inject
    CurrentStaff staff;
    @Inject
    CustomerReachabilityRepository reachability;
    @Inject
    ManagerAbsenceRepository absences;
    @Inject
    Clock clock;

    /**
     * R24 (with R22): the head, the director and the admin read every customer's messages; a manager only those of
     * customers they own (following merges to the survivor) or of a manager they currently deputise for. A customer
     * whose owner is unknown here is nobody's: a manager gets 403.
     */
    public void checkMayRead(UUID customerId) {
        if (staff.seesAll()) {
            return;
        }
        String me = staff.id();
        CustomerReachability r = customerId == null ? null : reachability.resolve(customerId);
        String owner = r == null ? null : r.ownerManagerId;
        if (owner != null && (owner.equals(me)
                || absences.deputises(me, owner, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)))) {
            return;
        }
        throw new ProblemException(ProblemType.FORBIDDEN,
                "a manager reads the messages of their own customers and of a manager they deputise for (R24)");
    }
}
