package ru.parus.order.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;
import ru.parus.order.config.BonusConfig;
import ru.parus.order.repository.BonusExpiryRepository;

/**
 * R11: earned bonus points expire {@code parus.order.bonus.expire-after} (12 months) after they were earned; spending
 * takes the oldest first, so only what is left of an earning expires. {@code parus.order.bonus.expiry-warning} (7
 * days) before, BonusPointsExpiring is published once per earning with points left (notification-service tells the
 * customer); at expiry what is left is debited with an EXPIRED ledger entry, once.
 *
 * <p>Set-based like {@link PaymentOverdueScanner}: each step is one statement over all customers
 * ({@link BonusExpiryRepository}), claimed by a conditional {@code UPDATE} of the earning's mark
 * ({@code expiry_warned_at}, {@code expiry_settled_at}), so a second scan finds nothing; the platform's
 * {@code ScanLock} lets one replica scan at a time. Expiry runs before the warning, so an earning overdue for both
 * (the scan did not run for a while) is debited without a warning about the past.
 */
@ApplicationScoped
public class BonusExpiryScanner {
    @Inject
    BonusExpiryRepository expiry;
    @Inject
    BonusConfig config;
    @Inject
    Clock clock;

    @Scheduled(every = "${parus.order.bonus.expiry-scan-every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "bonus-expiry-scan", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        scan();
    }

    public record Result(int expired, int warned) {
    }

    /** R11: debits the expired remainders and publishes the warnings due; how many of each. */
    @Transactional
    public Result scan() {
        if (!expiry.tryScanLock()) {
            return new Result(0, 0); // another replica is scanning now
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        int expired = expiry.expire(now, config.expireAfter());
        int warned = expiry.warn(now, config.expireAfter(), config.expiryWarning());
        return new Result(expired, warned);
    }
}
