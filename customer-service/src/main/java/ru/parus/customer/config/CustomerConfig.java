package ru.parus.customer.config;

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
}
