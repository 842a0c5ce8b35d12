package ru.parus.callcenter.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A person completed the task with an outcome (R6). */
public record CallTaskCompleted(UUID taskId, String kind, UUID customerId, UUID orderId, String assignee,
        String outcome, String note, String completedBy, OffsetDateTime completedAt, boolean onTime) {
}
