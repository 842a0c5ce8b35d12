package ru.parus.callcenter.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

/** R22: a planned absence starts or is cancelled, an active one ends, an ended one stays; plain JUnit, no Quarkus. */
class AbsenceStatusTest {
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-02T10:00:00Z");

    static Absence planned() {
        Absence a = new Absence();
        a.status = AbsenceStatus.PLANNED;
        return a;
    }

    @Test
    void R22_aPlannedAbsenceStoppedByHandIsCancelled() {
        Absence a = planned();
        assertTrue(a.stop("head-1", NOW));
        assertEquals(AbsenceStatus.CANCELLED, a.status);
        assertEquals("head-1", a.endedBy);
        assertFalse(a.stop("head-1", NOW), "an ended or cancelled absence is a 409");
        assertThrows(IllegalStateException.class, () -> a.start(NOW));
    }

    @Test
    void R22_anActiveAbsenceEnds() {
        Absence a = planned();
        a.start(NOW);
        assertEquals(AbsenceStatus.ACTIVE, a.status);
        assertEquals(NOW, a.startedAt);
        assertTrue(a.stop("manager-1", NOW.plusHours(1)));
        assertEquals(AbsenceStatus.ENDED, a.status);
        assertEquals(NOW.plusHours(1), a.endedAt);
        assertFalse(a.stop("manager-1", NOW.plusHours(2)));
    }
}
