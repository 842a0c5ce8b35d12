package ru.parus.order.config;

import java.time.Duration;
import java.time.Period;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** R11: the bonus programme's thresholds. */
@ConfigMapping(prefix = "parus.order.bonus")
public interface BonusConfig {
    /** R11: points earned when an order is paid, in percent of its payable amount (rounded down). */
    @WithDefault("3")
    int earnPercent();

    /** R11: points may pay at most this share, in percent, of the amount payable after the discount. */
    @WithDefault("20")
    int maxSharePercent();

    /** R11: earned points expire this long after they were earned (the unspent remainder, oldest first). */
    @WithDefault("P12M")
    Period expireAfter();

    /** R11: BonusPointsExpiring is published this long before the points expire. */
    @WithDefault("P7D")
    Duration expiryWarning();

    /** R11: how often the expiry scan (warnings and debits) runs; read by BonusExpiryScanner's schedule. */
    @WithDefault("1m")
    Duration expiryScanEvery();
}
