package ru.parus.callcenter.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/** R22: the absence ended (its period passed, or cut short); open moved tasks went back to the manager. */
public record ManagerAbsenceEnded(UUID absenceId, String managerId, String deputyId, OffsetDateTime endedAt) {
}
