package ru.parus.callcenter.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

/** R17 script versions and R20 feedback move one way; plain JUnit, no Quarkus. */
class ScriptAndFeedbackStatusTest {
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-02T10:00:00Z");

    @Test
    void R17_aDraftIsApprovedOnceAndRetiredLater() {
        ScriptVersion v = new ScriptVersion();
        v.code = "dormant-customer";
        v.version = 2;
        v.status = ScriptStatus.DRAFT;
        assertThrows(IllegalStateException.class, () -> v.retire(NOW), "a draft was never in use");
        assertTrue(v.approve("head-1", NOW));
        assertEquals(ScriptStatus.APPROVED, v.status);
        assertFalse(v.approve("head-2", NOW), "only a DRAFT can be approved");
        v.retire(NOW.plusDays(1));
        assertEquals(ScriptStatus.RETIRED, v.status);
        assertEquals("head-1", v.approvedBy);
        assertFalse(v.approve("head-1", NOW));
    }

    @Test
    void R20_feedbackIsAnsweredOnce() {
        Feedback f = new Feedback();
        f.status = FeedbackStatus.OPEN;
        f.deadline = NOW.plusDays(1);
        assertTrue(f.answer("Вернём деньги", true, "head-1", NOW));
        assertTrue(f.answeredOnTime());
        assertFalse(f.answer("ещё раз", false, "head-2", NOW.plusDays(2)));
        assertEquals("Вернём деньги", f.answer);
        assertEquals(FeedbackStatus.ANSWERED, f.status);
    }
}
