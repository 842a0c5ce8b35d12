package ru.parus.callcenter.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/** R22: the absence began; the deputy takes the manager's tasks (and customer-service widens their access). */
public record ManagerAbsenceStarted(UUID absenceId, String managerId, String deputyId, String reason,
        OffsetDateTime startsAt, OffsetDateTime endsAt) {
}
