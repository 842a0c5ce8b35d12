package ru.parus.callcenter.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * A call task's status, stored by name in {@code call_task.status}: {@link #next()} is the only source of allowed
 * transitions. OPEN until a person completes it (DONE) or its cause goes away (CLOSED); both are final.
 */
public enum TaskStatus {
    OPEN,
    /** Completed by a person, with an outcome. */
    DONE,
    /** Its cause went away (the order was paid, the customer came back, ...). */
    CLOSED;

    /** The statuses this one may move to. */
    public Set<TaskStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(DONE, CLOSED);
            case DONE, CLOSED -> EnumSet.noneOf(TaskStatus.class);
        };
    }

    public boolean canMoveTo(TaskStatus target) {
        return next().contains(target);
    }
}
