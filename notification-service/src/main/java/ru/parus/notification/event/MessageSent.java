package ru.parus.notification.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/** R21: a provider accepted the message. No body, no address (R24). */
public record MessageSent(UUID messageId, UUID customerId, String kind, String channel, String cause, String causeEventId,
        UUID orderId, String providerMessageId, int attempts, OffsetDateTime sentAt) {
}
