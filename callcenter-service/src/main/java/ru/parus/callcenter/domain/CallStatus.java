package ru.parus.callcenter.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * R18: a call's status, stored by name in {@code phone_call.status}: {@link #next()} is the only source of allowed
 * transitions. The telephony's states may arrive late or twice: a finished call (COMPLETED, MISSED) stays as it is.
 */
public enum CallStatus {
    /** A call in progress, known from the telephony only. */
    RINGING,
    ANSWERED,
    MISSED,
    COMPLETED;

    /** The statuses this one may move to. */
    public Set<CallStatus> next() {
        return switch (this) {
            case RINGING -> EnumSet.of(ANSWERED, MISSED, COMPLETED);
            case ANSWERED -> EnumSet.of(MISSED, COMPLETED);
            case MISSED, COMPLETED -> EnumSet.noneOf(CallStatus.class);
        };
    }

    public boolean canMoveTo(CallStatus target) {
        return next().contains(target);
    }

    public boolean finished() {
        return next().isEmpty();
    }
}
