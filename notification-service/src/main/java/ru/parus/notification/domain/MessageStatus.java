package ru.parus.notification.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * A message's delivery status (R21), stored by name in {@code message_log.status}. {@link #next()} is the only
 * source of allowed moves; {@link MessageLog}'s move methods refuse anything else with an IllegalStateException.
 */
public enum MessageStatus {
    /** Waits for the order projection (the shipment event came before the order's). */
    WAITING_ORDER,
    /** Due at {@code not_before}; queued again after quiet hours are known, or for a retry. */
    QUEUED,
    /** Handed to the provider; a row left here by a crash is queued again. */
    SENDING,
    /** The provider accepted it. */
    SENT,
    /** The provider reported it delivered. */
    DELIVERED,
    FAILED,
    SKIPPED;

    /** The statuses this one may move to. */
    public Set<MessageStatus> next() {
        return switch (this) {
            case WAITING_ORDER -> EnumSet.of(QUEUED, SKIPPED);
            case QUEUED -> EnumSet.of(QUEUED, SENDING, SKIPPED);
            case SENDING -> EnumSet.of(SENT, QUEUED, FAILED);
            case SENT -> EnumSet.of(DELIVERED, FAILED);
            case DELIVERED, FAILED, SKIPPED -> EnumSet.noneOf(MessageStatus.class);
        };
    }

    public boolean canMoveTo(MessageStatus target) {
        return next().contains(target);
    }

    /** No move leaves it. */
    public boolean isFinal() {
        return next().isEmpty();
    }
}
