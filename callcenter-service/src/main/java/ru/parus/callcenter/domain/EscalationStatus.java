package ru.parus.callcenter.domain;

import java.util.EnumSet;
import java.util.Set;

/** R19: an escalation's status, stored by name in {@code escalation.status}; resolved once, then final. */
public enum EscalationStatus {
    OPEN,
    RESOLVED;

    /** The statuses this one may move to. */
    public Set<EscalationStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(RESOLVED);
            case RESOLVED -> EnumSet.noneOf(EscalationStatus.class);
        };
    }

    public boolean canMoveTo(EscalationStatus target) {
        return next().contains(target);
    }
}
