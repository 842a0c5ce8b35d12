package ru.parus.customer.repository;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import ru.parus.customer.event.ManagerAbsence;

/** R22: the rows of {@code deputyship}, one per absence, from callcenter-service's absence events. */
@ApplicationScoped
public class DeputyshipRepository {
    @Inject
    EntityManager em;

    /** The period of the absence; a repeated or corrected start replaces it. */
    public void started(ManagerAbsence.Started event) {
        em.createNativeQuery("""
                INSERT INTO deputyship (absence_id, manager_id, deputy_id, starts_at, ends_at)
                VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (absence_id) DO UPDATE
                SET manager_id = EXCLUDED.manager_id, deputy_id = EXCLUDED.deputy_id,
                    starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at""")
                .setParameter(1, event.absenceId()).setParameter(2, event.managerId()).setParameter(3, event.deputyId())
                .setParameter(4, event.startsAt()).setParameter(5, event.endsAt())
                .executeUpdate();
    }

    /** The end of the absence, even when it comes before its start. */
    public void ended(ManagerAbsence.Ended event) {
        em.createNativeQuery("""
                INSERT INTO deputyship (absence_id, manager_id, deputy_id, ended_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (absence_id) DO UPDATE SET ended_at = EXCLUDED.ended_at""")
                .setParameter(1, event.absenceId()).setParameter(2, event.managerId()).setParameter(3, event.deputyId())
                .setParameter(4, event.endedAt())
                .executeUpdate();
    }

    /** The managers the deputy covers at {@code now}: started, not ended, not past its end. */
    @SuppressWarnings("unchecked")
    public List<String> coveredBy(String deputyId, OffsetDateTime now) {
        return em.createNativeQuery("""
                SELECT DISTINCT manager_id FROM deputyship
                WHERE deputy_id = ?1 AND ended_at IS NULL AND starts_at <= ?2 AND ends_at > ?2
                ORDER BY manager_id""")
                .setParameter(1, deputyId).setParameter(2, now)
                .getResultList();
    }
}
