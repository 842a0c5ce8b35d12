package ru.parus.infra.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.testcontainers.DockerClientFactory;

import com.github.dockerjava.api.exception.NotFoundException;

/**
 * Which infrastructure the tests of this JVM get: containers (Testcontainers) or local-infra's embedded servers.
 *
 * <p>{@code parus.test.infra} (system property, else the environment's {@code PARUS_TEST_INFRA}):
 * {@code auto} (the default) takes containers when a container engine answers and the three images are present
 * locally (nothing is pulled), else the local servers; {@code containers} insists (and fails if it cannot);
 * {@code local} never asks the engine. Image names: {@code parus.test.image.postgres|kafka|smtp}, else the
 * repository's {@code .env} ({@code PARUS_*_IMAGE}, written by {@code ./parus images}), else the official images.
 */
final class InfraChoice {
    static final String PROPERTY = "parus.test.infra";

    enum Kind {
        LOCAL, CONTAINERS
    }

    record Images(String postgres, String kafka, String smtp) {
        List<String> all() {
            return List.of(postgres, kafka, smtp);
        }
    }

    record Choice(Kind kind, Images images, String reason) {
    }

    private InfraChoice() {
    }

    /** Decides, and prints one line saying which path and why. */
    static Choice choose() {
        String asked = setting(PROPERTY, "PARUS_TEST_INFRA");
        String mode = asked == null ? "auto" : asked.toLowerCase(Locale.ROOT);
        Choice choice = switch (mode) {
            case "local" -> new Choice(Kind.LOCAL, null, PROPERTY + "=local");
            case "containers" -> forced();
            case "auto" -> auto();
            default -> throw new IllegalArgumentException(
                    PROPERTY + " is auto, containers or local, not '" + asked + "'");
        };
        System.out.println("[parus] test infrastructure: " + choice.kind().name().toLowerCase(Locale.ROOT)
                + " (" + choice.reason() + ")");
        return choice;
    }

    private static Choice forced() {
        Images images = images();
        String engine = engineProblem();
        if (engine != null) {
            throw new IllegalStateException(PROPERTY + "=containers, but " + engine
                    + " (or run with -D" + PROPERTY + "=local)");
        }
        List<String> missing = missing(images);
        if (!missing.isEmpty()) {
            throw new IllegalStateException(PROPERTY + "=containers, but these images are not on this machine: "
                    + missing + " (`./parus images` builds them offline; or `docker pull` where a registry answers)");
        }
        return new Choice(Kind.CONTAINERS, images, PROPERTY + "=containers; images " + images.all());
    }

    private static Choice auto() {
        String engine = engineProblem();
        if (engine != null) {
            return new Choice(Kind.LOCAL, null, "auto: " + engine);
        }
        Images images = images();
        List<String> missing = missing(images);
        if (!missing.isEmpty()) {
            return new Choice(Kind.LOCAL, null, "auto: an engine answers, but images " + missing
                    + " are not on this machine and nothing is pulled; `./parus images` builds them");
        }
        return new Choice(Kind.CONTAINERS, images, "auto: an engine answers and images " + images.all()
                + " are present; -D" + PROPERTY + "=local for the embedded servers");
    }

    /** Null when a container engine answers, else why not. */
    private static String engineProblem() {
        boolean configured = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        if (!configured && !Files.exists(Path.of("/var/run/docker.sock"))) {
            return "no container engine (no /var/run/docker.sock, no DOCKER_HOST; start one, e.g. `dockerd &`)";
        }
        if (Files.exists(Path.of("/.dockerenv")) && System.getenv("TESTCONTAINERS_HOST_OVERRIDE") == null) {
            // else Testcontainers runs alpine to find the engine's gateway, and waits 2 min for a pull that fails
            return "this JVM runs inside a container and TESTCONTAINERS_HOST_OVERRIDE is not set"
                    + " (the root pom's surefire sets it to 127.0.0.1)";
        }
        try {
            if (DockerClientFactory.instance().isDockerAvailable()) {
                return null;
            }
        } catch (RuntimeException | LinkageError e) {
            return "no container engine answers (" + e + ")";
        }
        return "no container engine answers";
    }

    private static List<String> missing(Images images) {
        List<String> missing = new ArrayList<>();
        for (String image : images.all()) {
            try {
                DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            } catch (NotFoundException e) {
                missing.add(image);
            }
        }
        return missing;
    }

    static Images images() {
        Map<String, String> env = dotEnv();
        return new Images(
                image("postgres", "PARUS_POSTGRES_IMAGE", env, "postgres:17"),
                image("kafka", "PARUS_KAFKA_IMAGE", env, "apache/kafka:4.1.2"),
                image("smtp", "PARUS_SMTP_IMAGE", env, "greenmail/standalone:2.1.7"));
    }

    private static String image(String kind, String envKey, Map<String, String> dotEnv, String official) {
        String own = blankToNull(System.getProperty("parus.test.image." + kind));
        if (own != null) {
            return own;
        }
        String fromEnv = blankToNull(dotEnv.get(envKey));
        return fromEnv != null ? fromEnv : official;
    }

    /**
     * The repository's {@code .env} (as docker compose reads it): next to the root pom that Maven names in
     * {@code parus.root}, else the first found upward from the working folder. Only {@code KEY=value} lines.
     */
    private static Map<String, String> dotEnv() {
        Map<String, String> values = new LinkedHashMap<>();
        Path file = findDotEnv();
        if (file == null) {
            return values;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                String l = line.strip();
                int eq = l.indexOf('=');
                if (l.startsWith("#") || eq <= 0) {
                    continue;
                }
                String value = l.substring(eq + 1).strip();
                if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                        || value.startsWith("'") && value.endsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                values.put(l.substring(0, eq).strip(), value);
            }
        } catch (IOException e) {
            // unreadable: as if absent
        }
        return values;
    }

    private static Path findDotEnv() {
        String root = blankToNull(System.getProperty("parus.root"));
        if (root != null && Files.isRegularFile(Path.of(root, ".env"))) {
            return Path.of(root, ".env");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(".env"))) {
                return dir.resolve(".env");
            }
        }
        return null;
    }

    private static String setting(String property, String env) {
        String value = blankToNull(System.getProperty(property));
        return value != null ? value : blankToNull(System.getenv(env));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
