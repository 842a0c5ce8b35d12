package ru.parus.order.config;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "parus.order.discount")
public interface DiscountConfig {
    /** R9: the discount a manager grants on their own authority, in percent of the items total. */
    @WithDefault("5")
    BigDecimal managerLimitPercent();
}
