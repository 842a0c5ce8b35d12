package ru.parus.callcenter.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/** R20: a complaint or a wish was captured and passed to the person responsible for its category. */
public record FeedbackReceived(UUID feedbackId, UUID customerId, String kind, String category, String text, UUID callId,
        UUID orderId, String responsible, OffsetDateTime deadline, String receivedBy, OffsetDateTime receivedAt) {
}
