package ru.parus.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "parus.outbox")
public interface OutboxConfig {
    /** Rows published per relay transaction. */
    @WithDefault("200")
    int batchSize();

    /** Fallback poll, for rows written by another replica or left by a failed send; commits wake the relay at once. */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long a batch waits for the broker's acks before it is rolled back and retried. */
    @WithDefault("10s")
    Duration sendTimeout();
}
