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
        if (!mayAct(customerId)) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "a manager reads the messages of their own customers and of a manager they deputise for (R24)");
        }
    }

    /**
     * R24 (with R22): the same circle for sending. The head (and the director and admin, where the endpoint lets them
     * in) send to anyone; a manager sends only to customers they own or cover for an absent owner; a customer without
     * a known owner is nobody's, so a manager gets 403 (as for reading).
     */
    public void checkMaySend(UUID customerId) {
        if (!mayAct(customerId)) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "a manager sends messages to their own customers and to those of a manager they deputise for (R24)")
                    .with("customerId", customerId);
        }
    }

    private boolean mayAct(UUID customerId) {
        if (staff.seesAll()) {
            return true;
        }
        String me = staff.id();
        CustomerReachability r = customerId == null ? null : reachability.resolve(customerId);
        String owner = r == null ? null : r.ownerManagerId;
        return owner != null && (owner.equals(me)
                || absences.deputises(me, owner, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)));
    }
}
