package ru.parus.order.event.incoming;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import ru.parus.platform.events.EventType;

/** What order-service reads from {@code callcenter-events}, as its own records. Schemas in docs/events/. */
public final class CallcenterEvents {
    private CallcenterEvents() {
    }

    /** R22: a deputy covers an absent manager's customers for the period. */
    public record ManagerAbsenceStarted(@NotNull UUID absenceId, @NotBlank String managerId, @NotBlank String deputyId,
            @NotNull OffsetDateTime startsAt, @NotNull OffsetDateTime endsAt) {
        public static final EventType TYPE = EventType.of("callcenter", "ManagerAbsenceStarted", 1);
    }

    /** R22: the deputy's access ends. */
    public record ManagerAbsenceEnded(@NotNull UUID absenceId, @NotBlank String managerId, @NotBlank String deputyId,
            @NotNull OffsetDateTime endedAt) {
        public static final EventType TYPE = EventType.of("callcenter", "ManagerAbsenceEnded", 1);
    }
}
