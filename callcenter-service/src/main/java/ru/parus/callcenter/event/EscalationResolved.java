package ru.parus.callcenter.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/** R19: the head recorded the resolution of an escalation. */
public record EscalationResolved(UUID escalationId, UUID callId, UUID customerId, String managerId, String headId,
        String resolution, String resolvedBy, OffsetDateTime resolvedAt) {
}
