package ru.parus.callcenter.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/** R20: the responsible person answered; {@code justified} complaints count against the manager (R23). */
public record FeedbackAnswered(UUID feedbackId, UUID customerId, String kind, String category, String responsible,
        String answer, boolean justified, String answeredBy, OffsetDateTime answeredAt, boolean onTime) {
}
