package ru.parus.infra.test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;

import ru.parus.infra.DevKeys;
import ru.parus.infra.KafkaBroker;
import ru.parus.infra.LocalInfra;
import ru.parus.infra.PostgresServer;
import ru.parus.infra.SmtpServer;

/**
 * The broker, database server, SMTP server and signing keys of one test JVM, started once: containers through
 * Testcontainers ({@link ContainerInfra}) or local-infra's embedded servers ({@link LocalInfra}), as
 * {@link InfraChoice} decides from {@code parus.test.infra} (auto, containers, local).
 *
 * <p>Its coordinates live in system properties rather than static fields: Quarkus may load this
 * class in more than one class loader (test resource, test class), and all must see the same
 * servers and keys. Only strings cross that boundary, so any loader can rebuild the view.
 */
public final class TestInfra {
    private static final String PREFIX = "parus.test.";
    private static final String CONTAINERS = "containers";

    private TestInfra() {
    }

    public static synchronized void ensureStarted() {
        synchronized (System.getProperties()) {
            if (System.getProperty(PREFIX + "kafka.port") != null) {
                return;
            }
            long t0 = System.nanoTime();
            InfraChoice.Choice choice = InfraChoice.choose();
            // "parus.test.infra" itself is the setting InfraChoice reads; the outcome is "parus.test.path"
            set("path", choice.kind() == InfraChoice.Kind.CONTAINERS ? CONTAINERS : "local");
            DevKeys keys = DevKeys.generate();
            set("jwt.privateKey", keys.privatePem());
            set("jwt.publicKey", keys.publicPem());
            if (choice.kind() == InfraChoice.Kind.CONTAINERS) {
                ContainerInfra.Started c = ContainerInfra.start(choice.images());
                set("kafka.container", c.kafkaContainer());
                set("postgres.port", c.postgresPort());
                set("postgres.user", ContainerInfra.DB_USER);
                set("postgres.password", ContainerInfra.DB_PASSWORD);
                set("smtp.port", c.smtpPort());
                set("smtp.apiPort", c.smtpApiPort());
                set("smtp.idleTimeoutMillis", ContainerInfra.SMTP_IDLE_TIMEOUT.toMillis());
                set("kafka.port", c.kafkaPort()); // last: its presence means started
            } else {
                LocalInfra infra = LocalInfra.startScratch();
                set("kafka.controllerPort", infra.kafkaControllerPort());
                set("kafka.dir", infra.kafkaDir());
                set("postgres.port", infra.postgres().port());
                set("postgres.user", PostgresServer.USER);
                set("postgres.password", "");
                set("smtp.port", infra.smtp().port());
                set("smtp.idleTimeoutMillis", LocalInfra.SCRATCH_SMTP_IDLE_TIMEOUT.toMillis());
                set("kafka.port", infra.kafka().port()); // last: its presence means started
            }
            System.out.println("[parus] test infrastructure (" + get("path") + ") ready in "
                    + (System.nanoTime() - t0) / 1_000_000 + " ms");
        }
    }

    /** True when the servers run in containers, false for local-infra's embedded servers. */
    public static boolean inContainers() {
        ensureStarted();
        return CONTAINERS.equals(get("path"));
    }

    public static String kafkaBootstrapServers() {
        ensureStarted();
        return "127.0.0.1:" + get("kafka.port");
    }

    public static int smtpPort() {
        ensureStarted();
        return Integer.parseInt(get("smtp.port"));
    }

    /** How long the SMTP server keeps an idle client connection before it drops it (421). */
    public static Duration smtpIdleTimeout() {
        ensureStarted();
        return Duration.ofMillis(Long.parseLong(get("smtp.idleTimeoutMillis")));
    }

    /** Every message the SMTP server has received, once per recipient (as GreenMail keeps them). */
    public static List<MimeMessage> receivedMails() {
        ensureStarted();
        if (inContainers()) {
            return ContainerInfra.receivedMails(Integer.parseInt(get("smtp.apiPort")));
        }
        // the embedded server lives in the class loader that started it (Quarkus runs the test resource in the test's
        // loader); were this another loader, startScratch() would be a fresh, empty server: say so rather than wait
        SmtpServer smtp = LocalInfra.startScratch().smtp();
        if (smtp.port() != smtpPort()) {
            throw new IllegalStateException("the embedded SMTP server on " + smtpPort()
                    + " was started in another class loader; this one sees " + smtp.port());
        }
        return List.of(smtp.greenMail().getReceivedMessages());
    }

    public static String databaseUser() {
        ensureStarted();
        return get("postgres.user");
    }

    public static String databasePassword() {
        ensureStarted();
        return get("postgres.password");
    }

    public static String jwtPublicKey() {
        ensureStarted();
        return get("jwt.publicKey");
    }

    /** A bearer token for a staff member with the given roles, e.g. {@code token("manager-1", "MANAGER")}. */
    public static String token(String subject, String... roles) {
        ensureStarted();
        return new DevKeys(get("jwt.privateKey"), get("jwt.publicKey")).token(subject, Set.of(roles), Duration.ofHours(1));
    }

    /** Creates the database unless it exists; returns its JDBC URL. */
    public static String database(String name) {
        ensureStarted();
        String base = "jdbc:postgresql://127.0.0.1:" + get("postgres.port") + "/";
        try (Connection c = DriverManager.getConnection(base + "postgres", databaseUser(), databasePassword());
                PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement create = c.createStatement()) {
                        create.execute("CREATE DATABASE " + requirePlainName(name));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return base + name;
    }

    /** Kills the broker as a crash would; {@link #startKafka()} brings it back on the same port and data. */
    public static void killKafka() {
        if (inContainers()) {
            ContainerInfra.killKafka(get("kafka.container"), Integer.parseInt(get("kafka.port")));
        } else {
            broker().kill();
        }
    }

    public static void startKafka() {
        if (inContainers()) {
            ContainerInfra.startKafka(get("kafka.container"), Integer.parseInt(get("kafka.port")));
        } else {
            broker().start();
        }
    }

    private static KafkaBroker broker() {
        return KafkaBroker.attach(Path.of(get("kafka.dir")), Integer.parseInt(get("kafka.port")),
                Integer.parseInt(get("kafka.controllerPort")));
    }

    /** The configuration a service needs to run against these servers. */
    public static Map<String, String> serviceConfig(String database) {
        return Map.of(
                "kafka.bootstrap.servers", kafkaBootstrapServers(),
                "quarkus.datasource.jdbc.url", database(database),
                "quarkus.datasource.username", databaseUser(),
                "quarkus.datasource.password", databasePassword(),
                "mp.jwt.verify.publickey", jwtPublicKey(),
                "mp.jwt.verify.issuer", DevKeys.ISSUER,
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(smtpPort()),
                // the pool must let an idle connection go well before the test SMTP server drops it: the pool's
                // cleaner evicts (every 250 ms here), a busy machine delays it, and a send may take a connection
                // the cleaner has not reached yet
                "quarkus.mailer.keep-alive-timeout", smtpIdleTimeout().dividedBy(5).toMillis() + "ms",
                "quarkus.mailer.pool-cleaner-period", "250ms");
    }

    private static String requirePlainName(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        return name;
    }

    private static void set(String key, Object value) {
        System.setProperty(PREFIX + key, String.valueOf(value));
    }

    private static String get(String key) {
        return System.getProperty(PREFIX + key);
    }
}
