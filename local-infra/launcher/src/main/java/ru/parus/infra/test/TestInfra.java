package ru.parus.infra.test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import ru.parus.infra.DevKeys;
import ru.parus.infra.KafkaBroker;
import ru.parus.infra.LocalInfra;
import ru.parus.infra.PostgresServer;

/**
 * The broker, database server, SMTP server and signing keys of one test JVM, started once.
 *
 * <p>Its coordinates live in system properties rather than static fields: Quarkus may load this
 * class in more than one class loader (test resource, test class), and all must see the same
 * servers and keys. Only strings cross that boundary, so any loader can rebuild the view.
 */
public final class TestInfra {
    private static final String PREFIX = "parus.test.";

    private TestInfra() {
    }

    public static synchronized void ensureStarted() {
        synchronized (System.getProperties()) {
            if (System.getProperty(PREFIX + "kafka.port") != null) {
                return;
            }
            LocalInfra infra = LocalInfra.startScratch();
            DevKeys keys = DevKeys.generate();
            set("kafka.port", infra.kafka().port());
            set("kafka.controllerPort", infra.kafkaControllerPort());
            set("kafka.dir", infra.kafkaDir());
            set("postgres.port", infra.postgres().port());
            set("smtp.port", infra.smtp().port());
            set("jwt.privateKey", keys.privatePem());
            set("jwt.publicKey", keys.publicPem());
        }
    }

    public static String kafkaBootstrapServers() {
        ensureStarted();
        return "127.0.0.1:" + get("kafka.port");
    }

    public static int smtpPort() {
        ensureStarted();
        return Integer.parseInt(get("smtp.port"));
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
        try (Connection c = DriverManager.getConnection(base + "postgres", PostgresServer.USER, "");
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
        broker().kill();
    }

    public static void startKafka() {
        broker().start();
    }

    private static KafkaBroker broker() {
        ensureStarted();
        return KafkaBroker.attach(Path.of(get("kafka.dir")), Integer.parseInt(get("kafka.port")),
                Integer.parseInt(get("kafka.controllerPort")));
    }

    /** The configuration a service needs to run against these servers. */
    public static Map<String, String> serviceConfig(String database) {
        return Map.of(
                "kafka.bootstrap.servers", kafkaBootstrapServers(),
                "quarkus.datasource.jdbc.url", database(database),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", "",
                "mp.jwt.verify.publickey", jwtPublicKey(),
                "mp.jwt.verify.issuer", DevKeys.ISSUER,
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(smtpPort()),
                // the pool must let an idle connection go well before the scratch SMTP server drops it: the pool's
                // cleaner evicts (every 250 ms here), a busy machine delays it, and a send may take a connection
                // the cleaner has not reached yet
                "quarkus.mailer.keep-alive-timeout", LocalInfra.SCRATCH_SMTP_IDLE_TIMEOUT.dividedBy(5).toMillis() + "ms",
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
