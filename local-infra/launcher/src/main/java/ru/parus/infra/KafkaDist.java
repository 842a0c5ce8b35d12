package ru.parus.infra;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the broker's jars that the {@code local-infra/kafka-dist} module copied. */
final class KafkaDist {
    static final String PROPERTY = "parus.kafka.lib";
    private static final Path RELATIVE = Path.of("local-infra", "kafka-dist", "target", "kafka-lib");

    private KafkaDist() {
    }

    /** The folder named by {@value #PROPERTY}, or the first match walking up from the working directory. */
    static Path libDir() {
        String configured = System.getProperty(PROPERTY, System.getenv("PARUS_KAFKA_LIB"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("the Kafka broker's jars were not found: build the project first "
                + "(mvn -pl local-infra/kafka-dist generate-resources) or set -D" + PROPERTY);
    }
}
