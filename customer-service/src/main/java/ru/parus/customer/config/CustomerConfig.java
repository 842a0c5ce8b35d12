package ru.parus.customer.config;

import java.time.Duration;
import java.time.Period;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "parus.customer")
public interface CustomerConfig {
    /** Region assumed for phone numbers written without a country code ({@code 8 912 ...}). */
    @WithDefault("RU")
    String defaultRegion();

    /** Customer types; they drive the "traditional" upsell offers (R7). */
    @WithDefault("ATHLETE,FITNESS,HEALTHY_LIFESTYLE,WHOLESALE")
    List<String> types();

    /** The type given to a storefront buyer registered from an order (the storefront does not say). */
    @WithDefault("HEALTHY_LIFESTYLE")
    String storefrontCustomerType();

    /** R14: a customer with no orders for this long (calendar months) becomes dormant. */
    @WithDefault("P6M")
    Period dormantAfter();

    /** R14: how often the dormancy scan runs, so that CustomerDormant leaves within seconds of the threshold. */
    @WithDefault("5s")
    Duration dormancyScanEvery();

    /** R14: customers turned dormant per scan transaction; a larger backlog is worked off in several. */
    @WithDefault("5000")
    int dormancyScanBatch();

    /** R6/R24 bulk import: the largest CSV body accepted, in bytes; a larger one is a 413 problem. */
    @WithDefault("5242880")
    long importMaxBytes();

    /**
     * Search during a call: hits counted and sorted at most; above it the page says {@code totalIsLowerBound}
     * and the manager narrows the query (a million customers hold tens of thousands of Ивановы).
     */
    @WithDefault("1000")
    int searchMaxHits();

    /** Search during a call: the longest query accepted (a longer one is a 400 problem). */
    @WithDefault("100")
    int searchMaxLength();

    /** Storefront codes a CSV row may name in its storefront column. */
    @WithDefault("LACTOMIN,WATTN")
    List<String> storefronts();
}
