package ru.parus.callcenter.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import ru.parus.callcenter.domain.Absence;
import ru.parus.callcenter.domain.AbsenceStatus;
import ru.parus.platform.scan.ScanPacing;

@ApplicationScoped
public class AbsenceRepository implements PanacheRepositoryBase<Absence, UUID> {

    /** PLANNED or ACTIVE absences of the manager that overlap [from, to). */
    public List<Absence> overlapping(String managerId, OffsetDateTime from, OffsetDateTime to) {
        return list("managerId = ?1 and status in ?2 and startsAt < ?3 and endsAt > ?4", managerId,
                List.of(AbsenceStatus.PLANNED, AbsenceStatus.ACTIVE), to, from);
    }

    public Absence activeOf(String managerId) {
        return find("managerId = ?1 and status = ?2", managerId, AbsenceStatus.ACTIVE).firstResult();
    }

    /** R22: the managers whose ACTIVE absence names {@code deputyId} as their deputy. */
    public Set<String> coveredBy(String deputyId) {
        return new HashSet<>(getEntityManager().createQuery(
                "select distinct a.managerId from Absence a where a.deputyId = ?1 and a.status = ?2", String.class)
                .setParameter(1, deputyId).setParameter(2, AbsenceStatus.ACTIVE).getResultList());
    }

    public List<Absence> ofManager(String managerId) {
        return list("managerId = ?1 order by startsAt desc", managerId);
    }

    /**
     * Claims due absences with one conditional UPDATE ... RETURNING: a replica that runs the same step at the same time
     * skips the rows claimed (SKIP LOCKED) or finds them no longer in {@code fromStatus}, so each absence starts and
     * ends once.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> claimStarting(OffsetDateTime now) {
        return getEntityManager().createNativeQuery("""
                UPDATE absence SET status = 'ACTIVE', started_at = ?1, version = version + 1
                WHERE id IN (SELECT id FROM absence WHERE status = 'PLANNED' AND starts_at <= ?1
                             ORDER BY starts_at LIMIT 100 FOR UPDATE SKIP LOCKED)
                RETURNING id""", UUID.class).setParameter(1, now).getResultList();
    }

    /** When the next planned absence starts or active one ends; {@code ScanPacing.NOTHING_WAITING} when none. */
    public Instant nextChange() {
        return ScanPacing.earliest(getEntityManager(), """
                SELECT least((SELECT min(starts_at) FROM absence WHERE status = 'PLANNED'),
                             (SELECT min(ends_at) FROM absence WHERE status = 'ACTIVE'))""");
    }

    @SuppressWarnings("unchecked")
    public List<UUID> claimEnding(OffsetDateTime now) {
        return getEntityManager().createNativeQuery("""
                UPDATE absence SET status = 'ENDED', ended_at = ends_at, version = version + 1
                WHERE id IN (SELECT id FROM absence WHERE status = 'ACTIVE' AND ends_at <= ?1
                             ORDER BY ends_at LIMIT 100 FOR UPDATE SKIP LOCKED)
                RETURNING id""", UUID.class).setParameter(1, now).getResultList();
    }
}
