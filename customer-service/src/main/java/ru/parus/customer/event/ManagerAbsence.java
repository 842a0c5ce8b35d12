package ru.parus.customer.event;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

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

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Started(UUID absenceId, String managerId, String deputyId, String reason, OffsetDateTime startsAt,
            OffsetDateTime endsAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ended(UUID absenceId, String managerId, String deputyId, OffsetDateTime endedAt) {
    }
}
