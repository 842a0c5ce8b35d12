package ru.parus.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** R21: the moves a message's delivery status may make, and those it may not. Plain JUnit, no Quarkus. */
class MessageStatusTest {
    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 4, 10, 0, 0, 0, ZoneOffset.UTC);

    static MessageLog in(MessageStatus status) {
        MessageLog m = new MessageLog();
        m.id = UUID.randomUUID();
        m.status = status;
        return m;
    }

    @Test
    void r21_allowedMovesPerStatus() {
        assertEquals(EnumSet.of(MessageStatus.QUEUED, MessageStatus.SKIPPED), MessageStatus.WAITING_ORDER.next());
        assertEquals(EnumSet.of(MessageStatus.QUEUED, MessageStatus.SENDING, MessageStatus.SKIPPED),
                MessageStatus.QUEUED.next());
        assertEquals(EnumSet.of(MessageStatus.SENT, MessageStatus.QUEUED, MessageStatus.FAILED),
                MessageStatus.SENDING.next());
        assertEquals(EnumSet.of(MessageStatus.DELIVERED, MessageStatus.FAILED), MessageStatus.SENT.next());
        for (MessageStatus end : EnumSet.of(MessageStatus.DELIVERED, MessageStatus.FAILED, MessageStatus.SKIPPED)) {
            assertTrue(end.isFinal(), end + " is final");
        }
    }

    @Test
    void r21_happyPathQueuedSendingSentDelivered() {
        MessageLog m = in(MessageStatus.QUEUED);
        m.queue(T0); // prepared: due at the end of quiet hours
        assertEquals(T0, m.notBefore);
        m.sending(T0.plusMinutes(1));
        assertEquals(MessageStatus.SENDING, m.status);
        assertEquals(1, m.attempts);
        assertEquals(T0.plusMinutes(1), m.sendingSince);
        m.lastError = "timeout";
        m.sent("p-1", T0.plusMinutes(2));
        assertEquals(MessageStatus.SENT, m.status);
        assertEquals("p-1", m.providerMessageId);
        assertEquals(T0.plusMinutes(2), m.sentAt);
        assertNull(m.lastError);
        m.delivered(T0.plusMinutes(3), T0.plusMinutes(4));
        assertEquals(MessageStatus.DELIVERED, m.status);
        assertEquals(T0.plusMinutes(3), m.deliveredAt);
        assertEquals(T0.plusMinutes(3), m.finishedAt);
        assertEquals(T0.plusMinutes(4), m.updatedAt);
    }

    @Test
    void r21_retryAndFailure() {
        MessageLog m = in(MessageStatus.QUEUED);
        m.sending(T0);
        m.queue(T0.plusMinutes(5)); // a temporary failure: retried after the backoff
        assertEquals(MessageStatus.QUEUED, m.status);
        assertEquals(T0.plusMinutes(5), m.notBefore);
        m.sending(T0.plusMinutes(5));
        assertEquals(2, m.attempts);
        m.failed("ATTEMPTS_EXHAUSTED", T0.plusMinutes(6));
        assertEquals(MessageStatus.FAILED, m.status);
        assertEquals("ATTEMPTS_EXHAUSTED", m.reason);
        assertEquals(T0.plusMinutes(6), m.finishedAt);
        assertEquals(T0.plusMinutes(6), m.updatedAt);

        MessageLog sent = in(MessageStatus.SENT);
        sent.failed("DELIVERY_FAILED", T0); // the provider's delivery report
        assertEquals(MessageStatus.FAILED, sent.status);
    }

    @Test
    void r21_waitingOrderIsQueuedOrSkipped() {
        MessageLog waiting = in(MessageStatus.WAITING_ORDER);
        waiting.queue(T0);
        assertEquals(MessageStatus.QUEUED, waiting.status);

        MessageLog skipped = in(MessageStatus.WAITING_ORDER);
        skipped.skip("CUSTOMER_ERASED", T0);
        assertEquals(MessageStatus.SKIPPED, skipped.status);
        assertEquals("CUSTOMER_ERASED", skipped.reason);
        assertEquals(T0, skipped.finishedAt);
    }

    @Test
    void r21_illegalMovesThrowAndChangeNothing() {
        MessageLog waiting = in(MessageStatus.WAITING_ORDER);
        assertThrows(IllegalStateException.class, () -> waiting.sending(T0), "nothing is sent without the order");
        assertEquals(MessageStatus.WAITING_ORDER, waiting.status);
        assertEquals(0, waiting.attempts);

        assertThrows(IllegalStateException.class, () -> in(MessageStatus.QUEUED).sent("p", T0));
        assertThrows(IllegalStateException.class, () -> in(MessageStatus.QUEUED).failed("X", T0));
        assertThrows(IllegalStateException.class, () -> in(MessageStatus.SENDING).skip("X", T0));
        assertThrows(IllegalStateException.class, () -> in(MessageStatus.SENDING).delivered(T0, T0));
        assertThrows(IllegalStateException.class, () -> in(MessageStatus.SENT).queue(T0));
        assertThrows(IllegalStateException.class, () -> in(null).queue(T0));
        for (MessageStatus end : EnumSet.of(MessageStatus.DELIVERED, MessageStatus.FAILED, MessageStatus.SKIPPED)) {
            assertThrows(IllegalStateException.class, () -> in(end).queue(T0), end + " stays");
            assertThrows(IllegalStateException.class, () -> in(end).failed("X", T0), end + " stays");
            assertThrows(IllegalStateException.class, () -> in(end).skip("X", T0), end + " stays");
        }
    }

    @Test
    void storedByTheSameNamesAsBefore() {
        assertEquals(EnumSet.allOf(MessageStatus.class).stream().map(Enum::name).toList(),
                java.util.List.of("WAITING_ORDER", "QUEUED", "SENDING", "SENT", "DELIVERED", "FAILED", "SKIPPED"));
    }
}
