package ru.parus.callcenter.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/** R19: a call's case went to the head with a reason. */
public record CallEscalated(UUID escalationId, UUID callId, UUID customerId, String managerId, String headId,
        String reason, UUID taskId, OffsetDateTime escalatedAt) {
}
