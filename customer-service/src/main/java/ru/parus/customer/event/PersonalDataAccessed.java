package ru.parus.customer.event;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import ru.parus.platform.events.EventType;

/**
 * R24: this service's reading of {@code PersonalDataAccessed} on {@code audit-events}
 * (docs/events/PersonalDataAccessed.v1.schema.json), which every service publishes through platform's
 * PersonalDataAudit: who read which fields of which customer, when, through which endpoint of which service.
 */
public record PersonalDataAccessed(@NotNull UUID customerId, @NotNull String staffId, @NotNull List<String> roles,
        @NotNull String service, @NotNull String endpoint, @NotNull List<String> fields,
        @NotNull OffsetDateTime accessedAt) {
    public static final EventType TYPE = EventType.of("audit", "PersonalDataAccessed", 1);
}
