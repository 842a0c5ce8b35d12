package ru.parus.callcenter.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * R22: an absence's status, stored by name in {@code absence.status}: {@link #next()} is the only source of allowed
 * transitions. PLANNED starts (ACTIVE) when its period begins or is cancelled before; ACTIVE ends; both ends are final.
 */
public enum AbsenceStatus {
    PLANNED,
    ACTIVE,
    ENDED,
    CANCELLED;

    /** The statuses this one may move to. */
    public Set<AbsenceStatus> next() {
        return switch (this) {
            case PLANNED -> EnumSet.of(ACTIVE, CANCELLED);
            case ACTIVE -> EnumSet.of(ENDED);
            case ENDED, CANCELLED -> EnumSet.noneOf(AbsenceStatus.class);
        };
    }

    public boolean canMoveTo(AbsenceStatus target) {
        return next().contains(target);
    }

    /** Where stopping it by hand leads: a planned absence is cancelled, an active one ends; none for a final one. */
    public AbsenceStatus stopped() {
        return switch (this) {
            case PLANNED -> CANCELLED;
            case ACTIVE -> ENDED;
            case ENDED, CANCELLED -> null;
        };
    }
}
