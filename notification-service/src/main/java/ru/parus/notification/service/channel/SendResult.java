package ru.parus.notification.service.channel;

/**
 * What a provider answered. A temporary failure is retried with backoff up to a cap; a permanent one
 * (a wrong number, a blocked bot) is marked failed at once.
 */
public sealed interface SendResult {
    /** The provider took the message; its id lets delivery-status callbacks find the log entry. */
    record Accepted(String providerMessageId) implements SendResult {
    }

    record TemporaryFailure(String reason) implements SendResult {
    }

    record PermanentFailure(String reason) implements SendResult {
    }
}
