package ru.parus.notification.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import ru.parus.notification.domain.ManagerAbsence;

@ApplicationScoped
public class ManagerAbsenceRepository implements PanacheRepositoryBase<ManagerAbsence, UUID> {
    /** R22: {@code deputyId} covers {@code managerId} at {@code now}: started, not ended, not past its planned end. */
    public boolean deputises(String deputyId, String managerId, OffsetDateTime now) {
        return count("deputyId = ?1 and managerId = ?2 and endedAt is null and startsAt <= ?3"
                + " and (endsAt is null or endsAt > ?3)", deputyId, managerId, now) > 0;
    }
}
