package ru.parus.notification.channel;

import java.time.Duration;
import java.util.Map;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import ru.parus.notification.config.ChannelsConfig;

/** The real {@link ChannelsConfig} mapping, defaults included, read from the given properties as Quarkus reads
 * them (durations such as {@code 5s}), without starting Quarkus. */
final class TestChannelsConfig {
    private TestChannelsConfig() {
    }

    static ChannelsConfig of(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withMapping(ChannelsConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter()) // "5s" as in application.properties
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build()
                .getConfigMapping(ChannelsConfig.class);
    }
}
