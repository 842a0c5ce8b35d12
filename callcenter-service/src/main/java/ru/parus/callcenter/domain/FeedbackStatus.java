package ru.parus.callcenter.domain;

import java.util.EnumSet;
import java.util.Set;

/** R20: a complaint's or wish's status, stored by name in {@code feedback.status}; answered once, then final. */
public enum FeedbackStatus {
    OPEN,
    ANSWERED;

    /** The statuses this one may move to. */
    public Set<FeedbackStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(ANSWERED);
            case ANSWERED -> EnumSet.noneOf(FeedbackStatus.class);
        };
    }

    public boolean canMoveTo(FeedbackStatus target) {
        return next().contains(target);
    }
}
