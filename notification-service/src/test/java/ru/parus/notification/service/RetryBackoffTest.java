package ru.parus.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** R21's retry backoff after temporary failures, without Quarkus. */
class RetryBackoffTest {
    private static final Duration INITIAL = Duration.ofSeconds(30);
    private static final Duration MAX = Duration.ofMinutes(5);

    @Test
    void R21_backoffDoublesAfterEachAttempt() {
        assertEquals(Duration.ofSeconds(30), NotificationService.backoff(1, INITIAL, MAX));
        assertEquals(Duration.ofSeconds(60), NotificationService.backoff(2, INITIAL, MAX));
        assertEquals(Duration.ofSeconds(120), NotificationService.backoff(3, INITIAL, MAX));
        assertEquals(Duration.ofSeconds(240), NotificationService.backoff(4, INITIAL, MAX));
    }

    @Test
    void R21_backoffStopsAtTheCap() {
        assertEquals(MAX, NotificationService.backoff(5, INITIAL, MAX));
        assertEquals(MAX, NotificationService.backoff(50, INITIAL, MAX));
    }

    @Test
    void R21_firstAttemptOrNoneWaitsTheInitialBackoff() {
        assertEquals(INITIAL, NotificationService.backoff(0, INITIAL, MAX));
    }
}
