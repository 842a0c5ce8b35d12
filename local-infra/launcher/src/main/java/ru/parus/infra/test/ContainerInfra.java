package ru.parus.infra.test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.utility.DockerImageName;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.PortBinding;

import ru.parus.infra.KafkaBroker;
import ru.parus.infra.Ports;
import ru.parus.infra.Topics;

/**
 * The tests' Kafka broker, PostgreSQL server and SMTP server (GreenMail) as containers, through Testcontainers,
 * with the settings local-infra's embedded servers have. Each container publishes its ports on 127.0.0.1 only,
 * on host ports chosen here, so the broker can advertise its address and come back on the same port after a kill.
 *
 * <p>Ryuk (Testcontainers' reaper) is off where nothing can be pulled, so this class removes its own containers:
 * a shutdown hook, and at start the containers of test JVMs on this host that are gone (label {@value #LABEL}
 * holds the JVM's pid, as {@code StaleDirs} names scratch folders).
 */
final class ContainerInfra {
    static final String LABEL = "ru.parus.test-infra.pid";
    static final String HOST_LABEL = "ru.parus.test-infra.host";
    static final String DB_USER = "postgres";
    static final String DB_PASSWORD = "parus";
    /**
     * GreenMail standalone drops a client idle for 30 s; unlike the embedded server (10 s), no GREENMAIL_OPTS
     * setting changes it.
     */
    static final Duration SMTP_IDLE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    /** What the tests need to reach the containers; strings and ints only, so any class loader can use it. */
    record Started(int kafkaPort, String kafkaContainer, int postgresPort, int smtpPort, int smtpApiPort) {
    }

    private static Started started;

    private ContainerInfra() {
    }

    static synchronized Started start(InfraChoice.Images images) {
        if (started != null) {
            return started;
        }
        removeStale();
        Instant startedAt = Instant.now();
        List<GenericContainer<?>> containers = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> containers.forEach(ContainerInfra::remove),
                "parus-containers-stop"));
        // started one after another without waiting, so their initialisations overlap the waits below
        GenericContainer<?> kafka = startOnFreePorts(containers, 1, ports -> kafka(images.kafka(), ports[0]));
        GenericContainer<?> postgres = startOnFreePorts(containers, 1, ports -> postgres(images.postgres(), ports[0]));
        GenericContainer<?> smtp = startOnFreePorts(containers, 2, ports -> smtp(images.smtp(), ports[0], ports[1]));

        int kafkaPort = hostPort(kafka, 9092);
        awaitKafka(kafka.getContainerId(), kafkaPort, startedAt);
        KafkaBroker.createTopics("127.0.0.1:" + kafkaPort, Topics.ALL, Topics.PARTITIONS);
        int postgresPort = hostPort(postgres, 5432);
        awaitPostgres(postgres, postgresPort);
        int apiPort = hostPort(smtp, 8080);
        awaitGreenMail(smtp, apiPort);
        started = new Started(kafkaPort, kafka.getContainerId(), postgresPort, hostPort(smtp, 3025), apiPort);
        return started;
    }

    /** Kills the broker's container as a crash would; its data stays in the container. */
    static void killKafka(String containerId, int port) {
        DockerClient docker = DockerClientFactory.instance().client();
        if (running(docker, containerId)) {
            docker.killContainerCmd(containerId).exec();
        }
        Instant deadline = Instant.now().plusSeconds(30);
        while (running(docker, containerId) || Ports.accepts(port)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the Kafka container " + containerId + " did not stop");
            }
            sleep(50);
        }
    }

    /** Starts the same container again: same host port (its binding is fixed), same data. */
    static void startKafka(String containerId, int port) {
        DockerClient docker = DockerClientFactory.instance().client();
        Instant startedAt = Instant.now();
        if (!running(docker, containerId)) {
            docker.startContainerCmd(containerId).exec();
        }
        awaitKafka(containerId, port, startedAt);
    }

    /** Every message GreenMail holds, read through its HTTP API (one copy per recipient, as GreenMail keeps them). */
    static List<MimeMessage> receivedMails(int apiPort) {
        HttpClient http = HttpClient.newHttpClient();
        String api = "http://127.0.0.1:" + apiPort + "/api/user";
        Session session = Session.getInstance(new Properties());
        List<MimeMessage> mails = new ArrayList<>();
        for (JsonValue user : getJson(http, api)) {
            String email = user.asJsonObject().getString("email");
            String url = api + "/" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "/messages/INBOX";
            for (JsonValue message : getJson(http, url)) {
                String raw = message.asJsonObject().getString("mimeMessage");
                try {
                    mails.add(new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
                } catch (MessagingException e) {
                    throw new IllegalStateException("GreenMail returned a message that does not parse", e);
                }
            }
        }
        return mails;
    }

    private static GenericContainer<?> kafka(String image, int hostPort) {
        return container(image, "kafka", Map.of(9092, hostPort))
                .withEnv(Map.ofEntries(
                        Map.entry("CLUSTER_ID", "cGFydXMtdGVzdC1rYWZrYQ"),
                        Map.entry("KAFKA_NODE_ID", "1"),
                        Map.entry("KAFKA_PROCESS_ROLES", "broker,controller"),
                        Map.entry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@localhost:9093"),
                        // the host's clients use 127.0.0.1:<hostPort>; the broker itself its own listener
                        Map.entry("KAFKA_LISTENERS", "HOST://:9092,BROKER://:9094,CONTROLLER://:9093"),
                        Map.entry("KAFKA_ADVERTISED_LISTENERS", "HOST://127.0.0.1:" + hostPort + ",BROKER://localhost:9094"),
                        Map.entry("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "HOST:PLAINTEXT,BROKER:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                        Map.entry("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER"),
                        Map.entry("KAFKA_INTER_BROKER_LISTENER_NAME", "BROKER"),
                        Map.entry("KAFKA_LOG_DIRS", "/var/lib/kafka/data"),
                        // as KafkaBroker's server.properties
                        Map.entry("KAFKA_NUM_PARTITIONS", "3"),
                        Map.entry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1"),
                        Map.entry("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "10"),
                        Map.entry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1"),
                        Map.entry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1"),
                        Map.entry("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1"),
                        Map.entry("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1"),
                        Map.entry("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0"),
                        Map.entry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true"),
                        Map.entry("KAFKA_HEAP_OPTS", "-Xms64m -Xmx" + System.getProperty("parus.kafka.heap", "384m"))));
    }

    private static GenericContainer<?> postgres(String image, int hostPort) {
        return container(image, "postgres", Map.of(5432, hostPort))
                .withEnv(Map.of("POSTGRES_USER", DB_USER, "POSTGRES_PASSWORD", DB_PASSWORD))
                // as the embedded test server: no durability needed, and room for every service's pool
                .withCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                        "-c", "max_connections=300");
    }

    private static GenericContainer<?> smtp(String image, int smtpPort, int apiPort) {
        return container(image, "smtp", Map.of(3025, smtpPort, 8080, apiPort))
                .withEnv("GREENMAIL_OPTS", "-Dgreenmail.setup.test.smtp -Dgreenmail.hostname=0.0.0.0"
                        + " -Dgreenmail.auth.disabled -Dgreenmail.api.hostname=0.0.0.0 -Dgreenmail.api.port=8080");
    }

    /** A container publishing {@code container port -> host port} on 127.0.0.1; readiness is checked by the caller. */
    private static GenericContainer<?> container(String image, String role, Map<Integer, Integer> ports) {
        long pid = ProcessHandle.current().pid();
        GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(image));
        return c.withLabel(LABEL, Long.toString(pid))
                .withLabel(HOST_LABEL, hostName())
                .waitingFor(new AbstractWaitStrategy() {
                    @Override
                    protected void waitUntilReady() {
                        // ContainerInfra's own checks, which also serve a restarted broker
                    }
                })
                .withCreateContainerCmdModifier(cmd -> {
                    cmd.withName("parus-test-" + pid + "-" + role);
                    List<ExposedPort> exposed = new ArrayList<>();
                    List<PortBinding> bindings = new ArrayList<>();
                    ports.forEach((inside, host) -> {
                        exposed.add(ExposedPort.tcp(inside));
                        bindings.add(new PortBinding(
                                com.github.dockerjava.api.model.Ports.Binding.bindIpAndPort("127.0.0.1", host),
                                ExposedPort.tcp(inside)));
                    });
                    cmd.withExposedPorts(exposed);
                    cmd.getHostConfig().withPortBindings(bindings);
                });
    }

    /** A free port can be taken before the engine binds it: then fresh ones, up to three times. */
    private static GenericContainer<?> startOnFreePorts(List<GenericContainer<?>> started, int count,
            Function<int[], GenericContainer<?>> make) {
        for (int attempt = 1;; attempt++) {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ports[i] = Ports.free();
            }
            GenericContainer<?> c = make.apply(ports);
            try {
                c.start();
                started.add(c);
                return c;
            } catch (RuntimeException e) {
                remove(c);
                if (attempt == 3) {
                    throw new IllegalStateException("cannot start a container of " + c.getDockerImageName(), e);
                }
            }
        }
    }

    private static int hostPort(GenericContainer<?> c, int inside) {
        return Integer.parseInt(c.getContainerInfo().getHostConfig().getPortBindings().getBindings()
                .get(ExposedPort.tcp(inside))[0].getHostPortSpec());
    }

    private static void awaitKafka(String containerId, int port, Instant startedAt) {
        DockerClient docker = DockerClientFactory.instance().client();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        // the engine's proxy accepts on the host port before the broker listens, and an Admin client would log every
        // refused attempt: first the broker's own word in this start's log, then the broker itself
        int since = Math.toIntExact(startedAt.getEpochSecond());
        while (!logs(docker, containerId, since, null).contains("Kafka Server started")
                && Instant.now().isBefore(deadline.minusSeconds(60))) {
            if (!running(docker, containerId)) {
                throw new IllegalStateException("the Kafka container exited:\n" + logs(docker, containerId, null, 60));
            }
            sleep(200);
        }
        while (true) {
            if (!running(docker, containerId)) {
                throw new IllegalStateException("the Kafka container exited:\n" + logs(docker, containerId, null, 60));
            }
            try {
                KafkaBroker.awaitReady("127.0.0.1:" + port);
                return;
            } catch (IllegalStateException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the Kafka container did not become ready:\n"
                            + logs(docker, containerId, null, 60), e);
                }
            }
        }
    }

    private static void awaitPostgres(GenericContainer<?> c, int port) {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        // the image's first start runs initdb and its scripts with a server on a Unix socket only; TCP means done
        while (true) {
            try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                    DB_USER, DB_PASSWORD)) {
                db.createStatement().execute("SELECT 1");
                return;
            } catch (SQLException e) {
                if (!c.isRunning() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("PostgreSQL in " + c.getDockerImageName() + " is not ready:\n"
                            + c.getLogs(), e);
                }
                sleep(200);
            }
        }
    }

    private static void awaitGreenMail(GenericContainer<?> c, int apiPort) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/api/service/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (true) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (!c.isRunning() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("GreenMail in " + c.getDockerImageName() + " is not ready:\n"
                        + c.getLogs());
            }
            sleep(200);
        }
    }

    private static JsonArray getJson(HttpClient http, String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + ": " + response.statusCode() + " " + response.body());
            }
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                return reader.readArray();
            }
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Containers left by test JVMs of this host that have died (killed before their shutdown hook ran). */
    private static void removeStale() {
        DockerClient docker = DockerClientFactory.instance().client();
        List<Container> ours = docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(HOST_LABEL, hostName())).exec();
        for (Container c : ours) {
            String pid = c.getLabels().get(LABEL);
            boolean alive;
            try {
                alive = ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
            } catch (NumberFormatException e) {
                alive = true; // not ours to judge
            }
            if (!alive) {
                try {
                    docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
                } catch (DockerException e) {
                    // gone meanwhile, or another JVM removes it
                }
            }
        }
    }

    private static void remove(GenericContainer<?> c) {
        try {
            c.stop(); // kills and removes the container with its volumes
        } catch (RuntimeException e) {
            // best effort: the next run removes it as stale
        }
    }

    private static boolean running(DockerClient docker, String containerId) {
        InspectContainerResponse.ContainerState state = docker.inspectContainerCmd(containerId).exec().getState();
        return Boolean.TRUE.equals(state.getRunning());
    }

    private static String logs(DockerClient docker, String containerId, Integer sinceEpochSecond, Integer tail) {
        StringBuilder out = new StringBuilder();
        try {
            var cmd = docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true);
            if (sinceEpochSecond != null) {
                cmd.withSince(sinceEpochSecond);
            }
            if (tail != null) {
                cmd.withTail(tail);
            }
            cmd.exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                        }
                    }).awaitCompletion(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            out.append("(no logs: ").append(e).append(')');
        }
        return out.toString();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
