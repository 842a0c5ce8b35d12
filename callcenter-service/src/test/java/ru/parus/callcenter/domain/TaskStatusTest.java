package ru.parus.callcenter.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

/** A call task is completed or closed once, only while open; plain JUnit, no Quarkus. */
class TaskStatusTest {
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-02T10:00:00Z");

    static CallTask open(OffsetDateTime dueAt) {
        CallTask t = new CallTask();
        t.status = TaskStatus.OPEN;
        t.dueAt = dueAt;
        return t;
    }

    @Test
    void onlyAnOpenTaskMoves() {
        assertEquals(EnumSet.of(TaskStatus.DONE, TaskStatus.CLOSED), TaskStatus.OPEN.next());
        assertTrue(TaskStatus.DONE.next().isEmpty());
        assertTrue(TaskStatus.CLOSED.next().isEmpty());
    }

    @Test
    void aCompletedTaskIsNeitherCompletedAgainNorClosed() {
        CallTask t = open(NOW.plusHours(1));
        assertTrue(t.complete("manager-1", "REACHED", "ok", NOW));
        assertEquals(TaskStatus.DONE, t.status);
        assertTrue(t.completedOnTime());
        assertFalse(t.complete("manager-2", "NO_ANSWER", null, NOW.plusMinutes(5)));
        assertEquals("manager-1", t.completedBy);
        assertFalse(t.close("ORDER_PAID", NOW.plusMinutes(6)));
        assertNull(t.closedReason);
    }

    @Test
    void aClosedTaskCannotBeCompleted() {
        CallTask t = open(NOW.minusHours(1));
        assertTrue(t.close("ORDER_PAID", NOW));
        assertEquals(TaskStatus.CLOSED, t.status);
        assertEquals("ORDER_PAID", t.closedReason);
        assertFalse(t.complete("manager-1", "REACHED", null, NOW));
    }

    @Test
    void lateCompletionIsNotOnTime() {
        CallTask late = open(NOW.minusMinutes(1));
        late.complete("manager-1", "REACHED", null, NOW);
        assertFalse(late.completedOnTime());
        CallTask undated = open(null);
        undated.complete("manager-1", "REACHED", null, NOW);
        assertTrue(undated.completedOnTime());
    }
}
