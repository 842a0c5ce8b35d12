package ru.parus.order.config;

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
}
