package ru.parus.platform.scan;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "parus.scan")
public interface ScanConfig {
    /**
     * The longest a periodic scan goes without looking at the database while it knows of nothing due ({@link ScanPacing}):
     * the bound on how late a due time written behind its back (a row changed by hand, a replica's write it did not
     * hear of with a due time already past) is found.
     */
    @WithDefault("1m")
    Duration maxSkip();
}
