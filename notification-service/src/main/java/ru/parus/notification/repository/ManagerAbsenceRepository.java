package ru.parus.notification.repository;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import ru.parus.notification.domain.ManagerAbsence;

@ApplicationScoped
public class ManagerAbsenceRepository implements PanacheRepositoryBase<ManagerAbsence, UUID> {
    /** R22: the managers {@code deputyId} covers at {@code now}: absences started, not ended, not past their planned end. */
    public Set<String> coveredBy(String deputyId, OffsetDateTime now) {
        return new HashSet<>(getEntityManager().createQuery("select distinct a.managerId from ManagerAbsence a"
                + " where a.deputyId = ?1 and a.endedAt is null and a.startsAt <= ?2"
                + " and (a.endsAt is null or a.endsAt > ?2)", String.class)
                .setParameter(1, deputyId).setParameter(2, now).getResultList());
    }
}
