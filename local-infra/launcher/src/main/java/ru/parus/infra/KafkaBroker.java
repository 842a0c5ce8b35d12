package ru.parus.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A single-node KRaft Kafka broker in a child JVM, built from the jars that the
 * {@code kafka-dist} module copies from Maven Central. It can be stopped and started again on
 * the same ports and data, which the outbox tests use to take the broker away mid-flight.
 */
public final class KafkaBroker implements AutoCloseable {
    private static final String HEAP = System.getProperty("parus.kafka.heap", "384m");
    /** The child halts when its stdin closes, so the pipe must not be collected with a discarded handle. */
    private static final List<Process> CHILDREN = new CopyOnWriteArrayList<>();

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final Path libDir;
    private Process process;

    public KafkaBroker(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.libDir = KafkaDist.libDir();
    }

    /** A handle on a broker that another class loader or process started with these settings. */
    public static KafkaBroker attach(Path dataDir, int port, int controllerPort) {
        return new KafkaBroker(dataDir, port, controllerPort);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized KafkaBroker start() {
        if ((process != null && process.isAlive()) || runningFromPidFile().isPresent()) {
            return this;
        }
        if (Ports.accepts(port)) {
            throw new IllegalStateException("port " + port + " is taken: another broker is running there");
        }
        try {
            Files.createDirectories(dataDir);
            Path config = writeConfig();
            if (!Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
                format(config);
            }
            process = java(KafkaBrokerMain.class.getName(), config.toString())
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("broker.log").toFile()))
                    .start();
            CHILDREN.add(process);
            Files.writeString(pidFile(), Long.toString(process.pid()));
            Ports.awaitAccepting(port, Duration.ofSeconds(60), process);
            awaitController();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kafka broker in " + dataDir, e);
        }
    }

    /** Creates topics (idempotently), so that consumers and producers never race auto-creation. */
    public void createTopics(List<String> names, int partitions) {
        createTopics(bootstrapServers(), names, partitions);
    }

    /** {@link #createTopics(List, int)} on any broker, e.g. one in a container. */
    public static void createTopics(String bootstrapServers, List<String> names, int partitions) {
        try (Admin admin = admin(bootstrapServers)) {
            List<NewTopic> topics = names.stream().map(n -> new NewTopic(n, partitions, (short) 1)).toList();
            for (var result : admin.createTopics(topics).values().values()) {
                try {
                    result.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topics " + names, e.getCause());
                    }
                }
            }
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics " + names, e);
        }
    }

    /** Kills the broker at once, as a crash would (the data stays, so {@link #start()} resumes it). */
    public synchronized void kill() {
        runningFromPidFile().ifPresent(p -> {
            p.destroyForcibly();
            waitFor(p);
        });
        process = null;
    }

    public synchronized void stop() {
        runningFromPidFile().ifPresent(p -> {
            p.destroy();
            if (!waitFor(p)) {
                p.destroyForcibly();
                waitFor(p);
            }
        });
        process = null;
    }

    private Path pidFile() {
        return dataDir.resolve("broker.pid");
    }

    private Optional<ProcessHandle> runningFromPidFile() {
        try {
            long pid = Long.parseLong(Files.readString(pidFile()).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitController() {
        awaitReady(bootstrapServers());
    }

    /** Waits until the broker answers as a cluster member (its controller has come up), at most 60 s. */
    public static void awaitReady(String bootstrapServers) {
        try (Admin admin = admin(bootstrapServers)) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker at " + bootstrapServers + " did not become ready", e);
        }
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000));
    }

    private void format(Path config) throws IOException {
        Process formatter = java("kafka.tools.StorageTool", "format", "-t", clusterId(), "-c", config.toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("format.log").toFile()))
                .start();
        formatter.getOutputStream().close();
        try {
            if (!formatter.waitFor(60, TimeUnit.SECONDS) || formatter.exitValue() != 0) {
                formatter.destroyForcibly();
                throw new IllegalStateException("formatting Kafka storage failed; see " + dataDir.resolve("format.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ProcessBuilder java(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx" + HEAP, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-cp", classpath(), mainClass));
        // options of the broker's JVM after ours (the last of a repeated option wins): ./parus up's PARUS_KAFKA_OPTS
        String extra = System.getProperty("parus.kafka.jvm-options", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(command.indexOf("-cp"), List.of(extra.split("\\s+")));
        }
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    private String classpath() {
        try {
            String own = Path.of(KafkaBrokerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
            return libDir.resolve("*") + java.io.File.pathSeparator + own;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path writeConfig() throws IOException {
        Properties p = new Properties();
        p.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", dataDir.resolve("logs").toString()),
                Map.entry("num.partitions", "3"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "10"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "true")));
        Path file = dataDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, "written by ru.parus.infra.KafkaBroker");
        }
        return file;
    }

    /**
     * Kafka's own random id: its string never starts with a dash, which the storage tool would read as an option
     * ({@code --cluster-id: expected one argument}); a plain random UUID in URL-safe Base64 did 1 time in 64.
     */
    static String clusterId() {
        return Uuid.randomUuid().toString();
    }

    private static boolean waitFor(ProcessHandle p) {
        try {
            p.onExit().get(30, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "Kafka " + bootstrapServers() + " (data " + dataDir + ", jars " + libDir + ")";
    }
}
