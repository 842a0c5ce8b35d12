package ru.parus.order.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "parus.order")
public interface OrderConfig {
    /** Guards against runaway requests: more lines than any real phone order has. */
    @WithDefault("100")
    int maxLines();

    @WithDefault("999")
    int maxLineQuantity();

    @WithDefault("RUB")
    String currency();
}
