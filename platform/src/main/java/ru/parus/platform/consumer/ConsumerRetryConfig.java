package ru.parus.platform.consumer;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How long a consumer retries a transient failure before the record goes to the dead-letter topic. The defaults
 * give up after about two minutes, inside the Kafka connector's limit for an unacknowledged record
 * ({@code throttled.unprocessed-record-max-age.ms}, 300 s in platform's settings; beyond it the channel reports itself
 * unhealthy). A database outage shorter than that loses nothing and sends nothing to the dead-letter topic.
 */
@ConfigMapping(prefix = "parus.consumer.retry")
public interface ConsumerRetryConfig {
    /** Attempts in all, the first included. */
    @WithDefault("30")
    int maxAttempts();

    /** Wait before the second attempt; doubled after each failure up to {@link #maxBackoff()}. */
    @WithDefault("100ms")
    Duration initialBackoff();

    @WithDefault("5s")
    Duration maxBackoff();
}
