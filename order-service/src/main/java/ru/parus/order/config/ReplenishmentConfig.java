package ru.parus.order.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** R25: replenishment calls timed by consumption (docs/order-service.md, "Replenishment"). */
@ConfigMapping(prefix = "parus.replenishment")
public interface ReplenishmentConfig {
    /** R25: ReplenishmentDue is due this many days before the expected run-out date (at the start of that day, UTC). */
    @WithDefault("5")
    int leadDays();

    /** R25: a paid order not yet delivered is assumed delivered this many days after payment, until it is. */
    @WithDefault("2")
    int usualDeliveryDays();

    /** R25: how often the scan runs (the {@code @Scheduled} reads the same key); "off" switches it off. */
    @WithDefault("5s")
    String scanEvery();

    /** R25: order lines judged per transaction of a scan pass (a pass repeats until none is left due). */
    @WithDefault("5000")
    int batchSize();
}
