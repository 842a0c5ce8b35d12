package ru.parus.callcenter.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

/** R19: an escalation is resolved once; plain JUnit, no Quarkus. */
class EscalationStatusTest {
    @Test
    void R19_theFirstResolutionStays() {
        OffsetDateTime now = OffsetDateTime.parse("2026-03-02T10:00:00Z");
        Escalation e = new Escalation();
        e.status = EscalationStatus.OPEN;
        assertTrue(e.resolve("Возврат одобрен", "head-1", now));
        assertEquals(EscalationStatus.RESOLVED, e.status);
        assertFalse(e.resolve("ещё раз", "head-2", now.plusMinutes(1)));
        assertEquals("Возврат одобрен", e.resolution);
        assertEquals("head-1", e.resolvedBy);
        assertEquals(now, e.resolvedAt);
        assertTrue(EscalationStatus.RESOLVED.next().isEmpty());
    }
}
