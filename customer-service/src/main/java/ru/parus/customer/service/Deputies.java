package ru.parus.customer.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import ru.parus.customer.event.ManagerAbsence;
import ru.parus.customer.repository.DeputyshipRepository;

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
    DeputyshipRepository deputyships;
    @Inject
    Clock clock;

    /** R22: the deputy covers the manager from startsAt until endsAt, unless ManagerAbsenceEnded came first. */
    public void started(ManagerAbsence.Started event) {
        deputyships.started(event);
        LOG.infof("R22: %s deputises for %s (absence %s)", event.deputyId(), event.managerId(), event.absenceId());
    }

    /** R22: the absence is over (its period passed, cut short or cancelled): the deputy's access ends now. */
    public void ended(ManagerAbsence.Ended event) {
        deputyships.ended(event);
        LOG.infof("R22: absence %s ended; %s no longer covers %s", event.absenceId(), event.deputyId(), event.managerId());
    }

    /** R22: the managers this staff member currently deputises for (absence started, not ended, not past its end). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> coveredBy(String deputyId) {
        return deputyships.coveredBy(deputyId, OffsetDateTime.now(clock));
    }
}
