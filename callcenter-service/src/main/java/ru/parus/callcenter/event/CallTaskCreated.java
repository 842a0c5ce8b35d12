package ru.parus.callcenter.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A task entered the queue (R6, R13-R15). */
public record CallTaskCreated(UUID taskId, String kind, String cause, UUID customerId, UUID orderId, String assignee,
        String priority, String script, OffsetDateTime dueAt, OffsetDateTime createdAt, String causeEventId) {
}
