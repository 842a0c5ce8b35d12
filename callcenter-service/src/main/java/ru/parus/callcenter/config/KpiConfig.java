package ru.parus.callcenter.config;

import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** R23: how managers' KPIs are reported. */
@ConfigMapping(prefix = "parus.callcenter.kpi")
public interface KpiConfig {
    /** Days and months of a KPI period begin at midnight here (the department's time zone). */
    @WithDefault("Europe/Moscow")
    ZoneId zone();

    /** The longest period one report may cover, so a report stays a quick query. */
    @WithDefault("P400D")
    Duration maxPeriod();

    /**
     * R25: a replenishment task converted when the customer ordered its product family again (an order not
     * cancelled) within this long after the task was made.
     */
    @WithDefault("P14D")
    Duration replenishmentConversionWindow();
}
