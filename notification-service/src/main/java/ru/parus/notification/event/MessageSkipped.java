package ru.parus.notification.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/** R21: the message was not sent on purpose (no consent, already paid, customer erased). */
public record MessageSkipped(UUID messageId, UUID customerId, String kind, String cause, String causeEventId,
        UUID orderId, String reason, OffsetDateTime skippedAt) {
}
