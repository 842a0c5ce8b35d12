package ru.parus.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import ru.parus.infra.LocalInfra;
import ru.parus.infra.Ports;

/**
 * The local stack's infrastructure in one JVM: Kafka (child JVM), PostgreSQL (embedded) and SMTP
 * (GreenMail) on fixed ports, keeping their data under {@code <root>/.parus/data} between runs.
 *
 * <p>Usage: {@code LocalStackMain [projectRoot]} (default: the working directory). Ports come from
 * {@code PARUS_KAFKA_PORT} (9092), {@code PARUS_KAFKA_CONTROLLER_PORT} (9093), {@code PARUS_PG_PORT}
 * (15432) and {@code PARUS_SMTP_PORT} (3025). When everything accepts connections and the services'
 * databases exist, it writes {@code <root>/.parus/run/infra.ready}; then it runs until SIGTERM or
 * SIGINT and stops the servers in a shutdown hook. The {@code parus} script at the project root
 * runs it in the background.
 */
public final class LocalStackMain {
    /** One database per service, in the order of ARCHITECTURE.md's service table. */
    public static final List<String> DATABASES = List.of("customers", "orders", "callcenter", "fulfillment",
            "notifications");

    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        quietLogging();
        Path root = Path.of(args.length > 0 ? args[0] : "").toAbsolutePath().normalize();
        Path home = root.resolve(".parus").resolve("data");
        Path ready = root.resolve(".parus").resolve("run").resolve("infra.ready");
        int kafkaPort = port("PARUS_KAFKA_PORT", 9092);
        int controllerPort = port("PARUS_KAFKA_CONTROLLER_PORT", 9093);
        int postgresPort = port("PARUS_PG_PORT", 15432);
        int smtpPort = port("PARUS_SMTP_PORT", 3025);
        // the broker's jars are found from the project root, whatever the working directory
        if (System.getProperty("parus.kafka.lib") == null && System.getenv("PARUS_KAFKA_LIB") == null) {
            System.setProperty("parus.kafka.lib",
                    root.resolve("local-infra/kafka-dist/target/kafka-lib").toString());
        }

        String taken = taken(Map.of("Kafka", kafkaPort, "Kafka controller", controllerPort, "PostgreSQL", postgresPort,
                "SMTP", smtpPort));
        if (!taken.isEmpty()) {
            System.err.println("[parus] cannot start: " + taken + " already in use (another stack, or an installed "
                    + "server?); stop it or choose other ports with PARUS_KAFKA_PORT, PARUS_KAFKA_CONTROLLER_PORT, "
                    + "PARUS_PG_PORT, PARUS_SMTP_PORT");
            System.exit(1);
        }

        long started = System.nanoTime();
        LocalInfra infra;
        try {
            Files.deleteIfExists(ready);
            forgetStaleBrokerPid(home.resolve("kafka").resolve("broker.pid"));
            infra = LocalInfra.startPersistent(home, kafkaPort, controllerPort, postgresPort, smtpPort);
        } catch (RuntimeException | IOException e) {
            // the watchdogs stop whatever did start once this JVM is gone
            System.err.println("[parus] the local infrastructure did not start: " + e);
            e.printStackTrace();
            System.exit(1);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("[parus] stopping Kafka, PostgreSQL and SMTP");
            try {
                Files.deleteIfExists(ready);
            } catch (IOException ignored) {
                // the script checks the pid as well as the marker
            }
            try {
                infra.close();
            } finally {
                stopped.countDown();
                System.err.println("[parus] stopped");
            }
        }, "parus-stack-stop"));

        try {
            for (String database : DATABASES) {
                infra.postgres().ensureDatabase(database);
            }
            writeReady(ready, kafkaPort, postgresPort, smtpPort);
        } catch (RuntimeException e) {
            System.err.println("[parus] the local infrastructure did not start: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        System.err.printf("[parus] ready in %d ms: Kafka 127.0.0.1:%d, PostgreSQL 127.0.0.1:%d (user %s, databases %s),"
                + " SMTP 127.0.0.1:%d; data in %s%n", (System.nanoTime() - started) / 1_000_000, kafkaPort,
                postgresPort, "postgres", DATABASES, smtpPort, home);
        stopped.await(); // only the shutdown hook releases it; the JVM exits while the hook finishes
    }

    private static void writeReady(Path ready, int kafkaPort, int postgresPort, int smtpPort) {
        String content = "pid=" + ProcessHandle.current().pid() + "\n"
                + "since=" + Instant.now() + "\n"
                + "kafka=127.0.0.1:" + kafkaPort + "\n"
                + "postgres=127.0.0.1:" + postgresPort + "\n"
                + "smtp=127.0.0.1:" + smtpPort + "\n";
        try {
            Files.createDirectories(ready.getParent());
            Path tmp = ready.resolveSibling(ready.getFileName() + ".tmp");
            Files.writeString(tmp, content);
            Files.move(tmp, ready, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + ready, e);
        }
    }

    /**
     * The broker leaves its pid file behind when the stack is killed; if that pid now belongs to an
     * unrelated process, KafkaBroker would take it for a running broker and never start one.
     */
    private static void forgetStaleBrokerPid(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> process;
        try {
            process = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (NumberFormatException e) {
            process = Optional.empty();
        }
        boolean ourBroker = process.filter(ProcessHandle::isAlive)
                .flatMap(p -> p.info().commandLine())
                .filter(cmd -> cmd.contains("KafkaBrokerMain"))
                .isPresent();
        if (!ourBroker) {
            Files.delete(pidFile);
        }
    }

    private static String taken(Map<String, Integer> ports) {
        return ports.entrySet().stream()
                .filter(e -> Ports.accepts(e.getValue()))
                .map(e -> e.getKey() + " port " + e.getValue())
                .sorted()
                .collect(Collectors.joining(", "));
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(variable + " is not a port number: " + value);
    }

    /** slf4j-simple defaults, unless the command line set them: the Kafka admin client is chatty at INFO. */
    private static void quietLogging() {
        defaultProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        defaultProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
        defaultProperty("org.slf4j.simpleLogger.showDateTime", "true");
        defaultProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
    }

    private static void defaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
