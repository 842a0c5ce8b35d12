package ru.parus.customer.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import ru.parus.customer.event.ManagerAbsence;

/**
 * R22: while a manager is absent, the deputy named by callcenter-service covers the manager's customers.
 * The deputyships come from ManagerAbsenceStarted / ManagerAbsenceEnded; R24 visibility asks
 * {@link #ownersVisibleTo} whose customers a manager may read and change right now.
 */
@ApplicationScoped
@Transactional
public class Deputies {
    private static final Logger LOG = Logger.getLogger(Deputies.class);

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /** R22: the deputy covers the manager from startsAt until endsAt, unless ManagerAbsenceEnded came first. */
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
        LOG.infof("R22: %s deputises for %s (absence %s)", event.deputyId(), event.managerId(), event.absenceId());
    }

    /** R22: the absence is over (its period passed, cut short or cancelled): the deputy's access ends now. */
    public void ended(ManagerAbsence.Ended event) {
        em.createNativeQuery("""
                INSERT INTO deputyship (absence_id, manager_id, deputy_id, ended_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (absence_id) DO UPDATE SET ended_at = EXCLUDED.ended_at""")
                .setParameter(1, event.absenceId()).setParameter(2, event.managerId()).setParameter(3, event.deputyId())
                .setParameter(4, event.endedAt())
                .executeUpdate();
        LOG.infof("R22: absence %s ended; %s no longer covers %s", event.absenceId(), event.deputyId(), event.managerId());
    }

    /** R22: the managers this staff member currently deputises for (absence started, not ended, not past its end). */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<String> coveredBy(String deputyId) {
        return em.createNativeQuery("""
                SELECT DISTINCT manager_id FROM deputyship
                WHERE deputy_id = ?1 AND ended_at IS NULL AND starts_at <= ?2 AND ends_at > ?2
                ORDER BY manager_id""")
                .setParameter(1, deputyId).setParameter(2, OffsetDateTime.now(clock))
                .getResultList();
    }
}
