package ru.parus.fulfillment.event;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Our readings of callcenter-service's absences on {@code callcenter-events} (R22: a deputy reads the absent manager's
 * customers' shipments). Fields we do not name are ignored; a missing required one makes the event poison.
 */
public final class CallcenterEvents {
    private CallcenterEvents() {
    }

    public record ManagerAbsenceStarted(@NotNull UUID absenceId, @NotBlank String managerId, @NotBlank String deputyId,
            @NotNull OffsetDateTime startsAt, @NotNull OffsetDateTime endsAt) {
    }

    public record ManagerAbsenceEnded(@NotNull UUID absenceId, @NotBlank String managerId, @NotBlank String deputyId,
            @NotNull OffsetDateTime endedAt) {
    }
}
