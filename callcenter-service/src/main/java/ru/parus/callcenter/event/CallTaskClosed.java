package ru.parus.callcenter.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The task's cause went away (the customer ordered, the order was paid or cancelled) before anyone called (R6).
 * {@code reorderId}: the order that closed a REPLENISHMENT task (REORDERED, R25), else null.
 */
public record CallTaskClosed(UUID taskId, String kind, UUID customerId, UUID orderId, String assignee, String reason,
        String causeEventId, OffsetDateTime closedAt, UUID reorderId) {
}
