package ru.parus.callcenter.domain;

/** A task's urgency; the queue is ordered by {@link #rank()} then due time. */
public enum Priority {
    HIGH(1), NORMAL(2), LOW(3);

    private final int rank;

    Priority(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    public static Priority ofRank(int rank) {
        for (Priority p : values()) {
            if (p.rank == rank) {
                return p;
            }
        }
        return NORMAL;
    }
}
