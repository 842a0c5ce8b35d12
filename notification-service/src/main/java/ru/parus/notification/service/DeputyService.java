package ru.parus.notification.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.notification.domain.ManagerAbsence;
import ru.parus.notification.event.IncomingPayloads.ManagerAbsenceEnded;
import ru.parus.notification.event.IncomingPayloads.ManagerAbsenceStarted;
import ru.parus.notification.repository.ManagerAbsenceRepository;

/** R22: the projection of managers' absences and deputies, from callcenter-events. */
@ApplicationScoped
@Transactional
public class DeputyService {
    @Inject
    ManagerAbsenceRepository absences;
    @Inject
    Clock clock;

    /** R22: from {@code startsAt} until the absence ends, the deputy covers the absent manager's customers. */
    public void started(ManagerAbsenceStarted e) {
        ManagerAbsence a = findOrCreate(e.absenceId(), e.managerId(), e.deputyId());
        a.managerId = e.managerId();
        a.deputyId = e.deputyId();
        a.startsAt = e.startsAt() == null ? now() : e.startsAt();
        a.endsAt = e.endsAt();
        a.updatedAt = now();
    }

    /** R22: the deputy's widened access ends (also when the end arrives before the start: the start then changes nothing). */
    public void ended(ManagerAbsenceEnded e) {
        ManagerAbsence a = findOrCreate(e.absenceId(), e.managerId(), e.deputyId());
        a.endedAt = e.endedAt() == null ? now() : e.endedAt();
        a.updatedAt = now();
    }

    private ManagerAbsence findOrCreate(java.util.UUID id, String managerId, String deputyId) {
        ManagerAbsence a = absences.findById(id);
        if (a == null) {
            a = new ManagerAbsence();
            a.absenceId = id;
            a.managerId = managerId;
            a.deputyId = deputyId;
            a.updatedAt = now();
            absences.persist(a);
        }
        return a;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
