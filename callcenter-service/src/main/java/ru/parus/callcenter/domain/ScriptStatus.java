package ru.parus.callcenter.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * R17: a script version's status, stored by name in {@code script_version.status}: a DRAFT is approved by the head,
 * and the approved version before it is RETIRED; only the APPROVED one is used.
 */
public enum ScriptStatus {
    DRAFT,
    APPROVED,
    RETIRED;

    /** The statuses this one may move to. */
    public Set<ScriptStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(APPROVED);
            case APPROVED -> EnumSet.of(RETIRED);
            case RETIRED -> EnumSet.noneOf(ScriptStatus.class);
        };
    }

    public boolean canMoveTo(ScriptStatus target) {
        return next().contains(target);
    }
}
