package ru.parus.callcenter.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.callcenter.domain.Absence;
import ru.parus.callcenter.domain.CallTask;
import ru.parus.callcenter.event.CallCenterEvents;
import ru.parus.callcenter.event.ManagerAbsenceEnded;
import ru.parus.callcenter.event.ManagerAbsenceStarted;
import ru.parus.callcenter.repository.AbsenceRepository;
import ru.parus.callcenter.repository.CallTaskRepository;
import ru.parus.platform.outbox.Outbox;

/**
 * R22: while a manager is absent their deputy covers their tasks. An absence starts and ends by {@link #startDue} /
 * {@link #endDue} (the scheduler, from the injected Clock), or at once when recorded in the past or cut short.
 */
@ApplicationScoped
@Transactional
public class Deputies {
    @Inject
    AbsenceRepository absences;
    @Inject
    CallTaskRepository tasks;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    /**
     * R22: a new task for an absent manager goes to the deputy, remembering whose it is; it returns when the absence
     * ends.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void route(CallTask t) {
        if (t.assignee == null) {
            return;
        }
        Absence a = absences.activeOf(t.assignee);
        if (a != null) {
            t.originalAssignee = t.assignee;
            t.absenceId = a.id;
            t.assignee = a.deputyId;
        }
    }

    /** R22: the customer's open tasks just given to an absent manager go to the deputy (after a bulk reassignment). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void routeOpenOf(UUID customerId) {
        tasks.flush();
        for (CallTask t : tasks.openAssignedOutsideAbsences(customerId)) {
            route(t);
        }
    }

    /** R22: starts the absences whose period began; returns how many. Safe with several replicas (claim by UPDATE). */
    public int startDue() {
        List<UUID> claimed = absences.claimStarting(now());
        for (UUID id : claimed) {
            started(absences.findById(id));
        }
        return claimed.size();
    }

    /** R22: ends the active absences whose period passed. */
    public int endDue() {
        List<UUID> claimed = absences.claimEnding(now());
        for (UUID id : claimed) {
            Absence a = absences.findById(id);
            ended(a, a.endedAt);
        }
        return claimed.size();
    }

    /** R22: the absence began: ManagerAbsenceStarted, and the manager's open tasks go to the deputy. */
    @Transactional(Transactional.TxType.MANDATORY)
    void started(Absence a) {
        outbox.publish(CallCenterEvents.TOPIC, CallCenterEvents.MANAGER, a.managerId,
                CallCenterEvents.MANAGER_ABSENCE_STARTED,
                new ManagerAbsenceStarted(a.id, a.managerId, a.deputyId, a.reason, a.startsAt, a.endsAt));
        for (CallTask t : tasks.openOfAssignee(a.managerId)) {
            if (t.absenceId == null) {
                t.originalAssignee = a.managerId;
                t.absenceId = a.id;
            }
            // a task the manager held as someone else's deputy keeps its owner and absence: it returns to that owner
            t.assignee = a.deputyId;
        }
    }

    /** R22: the absence ended: ManagerAbsenceEnded, and the still-open moved tasks return (to a deputy if the owner is away again). */
    @Transactional(Transactional.TxType.MANDATORY)
    void ended(Absence a, OffsetDateTime endedAt) {
        outbox.publish(CallCenterEvents.TOPIC, CallCenterEvents.MANAGER, a.managerId,
                CallCenterEvents.MANAGER_ABSENCE_ENDED, new ManagerAbsenceEnded(a.id, a.managerId, a.deputyId, endedAt));
        for (CallTask t : tasks.openUnderAbsence(a.id)) {
            String owner = t.originalAssignee;
            Absence again = absences.activeOf(owner);
            if (again != null && !again.id.equals(a.id)) {
                t.assignee = again.deputyId;
                t.absenceId = again.id;
            } else {
                t.assignee = owner;
                t.originalAssignee = null;
                t.absenceId = null;
            }
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
