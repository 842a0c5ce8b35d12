package ru.parus.customer.event;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import ru.parus.platform.events.EventType;

/**
 * This service's reading of callcenter-service's absence events (docs/events/ManagerAbsenceStarted.v1 and
 * ManagerAbsenceEnded.v1): only the fields it uses; unknown fields are ignored (tolerant reader).
 */
public final class ManagerAbsence {
    public static final EventType STARTED = EventType.of("callcenter", "ManagerAbsenceStarted", 1);
    public static final EventType ENDED = EventType.of("callcenter", "ManagerAbsenceEnded", 1);

    private ManagerAbsence() {
    }

    public record Started(@NotNull UUID absenceId, @NotBlank String managerId, @NotBlank String deputyId,
            String reason, @NotNull OffsetDateTime startsAt, @NotNull OffsetDateTime endsAt) {
    }

    public record Ended(@NotNull UUID absenceId, @NotBlank String managerId, @NotBlank String deputyId,
            @NotNull OffsetDateTime endedAt) {
    }
}
