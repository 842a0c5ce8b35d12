package ru.parus.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "parus.outbox")
public interface OutboxConfig {
    /** Rows published per relay transaction. */
    @WithDefault("200")
    int batchSize();

    /**
     * Fallback poll while the relay has reason to look again: the last drain failed (a broker that comes back) or
     * found the relay lock held by another replica (rows that replica's wake-up saw it could not take). Commits
     * wake the relay at once.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /**
     * Fallback poll otherwise, for a row whose commit wake-up was lost. Long, because every poll is a transaction:
     * at one a second the idle relay alone cost 1.5-2 ms of CPU a second per service (issue 15).
     */
    @WithDefault("10s")
    Duration idlePollInterval();

    /** How long a batch waits for the broker's acks before it is rolled back and retried. */
    @WithDefault("10s")
    Duration sendTimeout();

    /**
     * R24: how long a row stays in the outbox after the broker acknowledged it; {@link OutboxPruner} then deletes it.
     * Nothing reads a sent row (consumers deduplicate by their own inbox, replays come from Kafka), but its payload
     * may carry personal data (recipients, phones, addresses, contacts) that erasure does not reach: short, so that
     * such copies are gone within about this long, yet long enough to look at what a service sent in the last hour.
     */
    @WithDefault("1h")
    Duration keepSent();

    /** How often {@link OutboxPruner} looks for sent rows past {@link #keepSent()}; one index probe when there are none. */
    @WithDefault("1m")
    Duration pruneInterval();

    /** Rows deleted per pruning transaction, so that no run holds many row locks or a long transaction. */
    @WithDefault("1000")
    int pruneBatchSize();
}
