package ru.parus.callcenter.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

/** R18: a call's states as the telephony reports them, late or twice; plain JUnit, no Quarkus. */
class CallStatusTest {
    static final OffsetDateTime START = OffsetDateTime.parse("2026-03-02T10:00:00Z");

    static PhoneCall ringing() {
        PhoneCall call = new PhoneCall();
        call.status = CallStatus.RINGING;
        call.startedAt = START;
        return call;
    }

    @Test
    void finishedCallsMoveNowhere() {
        assertEquals(EnumSet.of(CallStatus.ANSWERED, CallStatus.MISSED, CallStatus.COMPLETED), CallStatus.RINGING.next());
        assertTrue(CallStatus.COMPLETED.finished());
        assertTrue(CallStatus.MISSED.finished());
        assertFalse(CallStatus.ANSWERED.canMoveTo(CallStatus.RINGING));
    }

    @Test
    void R18_anAnsweredCallLastsFromTheAnswerToTheEnd() {
        PhoneCall call = ringing();
        call.answer(START.plusSeconds(10));
        assertEquals(CallStatus.ANSWERED, call.status);
        assertTrue(call.end(START.plusSeconds(70)));
        assertEquals(CallStatus.COMPLETED, call.status);
        assertEquals(60L, call.durationSeconds);
        assertFalse(call.end(START.plusSeconds(90)), "a repeated end changes nothing");
        assertEquals(60L, call.durationSeconds);
    }

    @Test
    void R18_aLateAnswerKeepsTheFinishedStatus() {
        PhoneCall call = ringing();
        assertTrue(call.end(START.plusSeconds(30)));
        assertEquals(30L, call.durationSeconds, "unanswered: from the start");
        call.answer(START.plusSeconds(5));
        assertEquals(CallStatus.COMPLETED, call.status);
        assertFalse(call.miss(START.plusSeconds(40)));
    }

    @Test
    void R18_aMissedCallLastsNothing() {
        PhoneCall call = ringing();
        assertTrue(call.miss(START.plusSeconds(20)));
        assertEquals(CallStatus.MISSED, call.status);
        assertEquals(0L, call.durationSeconds);
        assertFalse(call.end(START.plusSeconds(30)));
        assertNull(call.answeredAt);
    }
}
