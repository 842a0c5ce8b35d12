package ru.parus.notification.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/** R21: the message could not be sent or delivered. No body, no address (R24). */
public record MessageFailed(UUID messageId, UUID customerId, String kind, String channel, String cause,
        String causeEventId, UUID orderId, String reason, int attempts, OffsetDateTime failedAt) {
}
