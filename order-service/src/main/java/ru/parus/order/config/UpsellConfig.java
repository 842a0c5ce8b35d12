package ru.parus.order.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "parus.upsell")
public interface UpsellConfig {
    /** R7: a phone order needs at least this many offers answered before it is confirmed. */
    @WithDefault("2")
    int minAnsweredOffers();

    /** R7: two to three items are offered. */
    @WithDefault("3")
    int maxSuggestions();

    /** Bought together: a pair counts when at least this many orders hold both. */
    @WithDefault("2")
    int minPairOrders();

    /** Bought together: only pairs bought together more often than by chance (lift above this). */
    @WithDefault("1.0")
    double minLift();

    /** How often the bought-together table is recomputed from order history. */
    @WithDefault("1h")
    Duration boughtTogetherRefresh();
}
