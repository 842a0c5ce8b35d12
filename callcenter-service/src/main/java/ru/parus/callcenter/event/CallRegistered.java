package ru.parus.callcenter.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/** R18 (R6): a call was registered, by the manager or from the telephony. */
public record CallRegistered(UUID callId, String pbxCallId, String direction, String status, String phone,
        UUID customerId, String managerId, OffsetDateTime startedAt, OffsetDateTime endedAt, Long durationSeconds,
        String purpose, String outcome, UUID orderId, UUID taskId, String source, OffsetDateTime registeredAt) {
}
