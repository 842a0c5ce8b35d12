package ru.parus.callcenter.config;

import java.time.LocalTime;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Issue 17 (R18, R21, R23): how the best hour to call a customer is suggested. */
@ConfigMapping(prefix = "parus.callcenter.best-hour")
public interface BestHourConfig {
    /** A weekday-hour's reach rate is used once it rests on at least this many calls (the customer's own, else all). */
    @WithDefault("3")
    int minCalls();

    /** The department's time zone, for customers whose own zone customer-service has not told us (R21). */
    @WithDefault("Europe/Moscow")
    ZoneId defaultZone();

    /** R21: the department's quiet hours (no calls), for customers who set none; from > to spans midnight. */
    @WithDefault("21:00")
    LocalTime defaultQuietFrom();

    @WithDefault("09:00")
    LocalTime defaultQuietTo();
}
