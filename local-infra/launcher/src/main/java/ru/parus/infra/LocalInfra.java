package ru.parus.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Kafka, PostgreSQL and SMTP together: scratch copies for tests, or the local stack's persistent ones. */
public final class LocalInfra implements AutoCloseable {
    /**
     * Stricter than any real relay, so every test module meets a server that has dropped an idle pooled connection
     * (the mailer's pool must evict first; a CI run once failed on exactly that).
     */
    public static final Duration SCRATCH_SMTP_IDLE_TIMEOUT = Duration.ofSeconds(10);

    /** Keeps the scratch servers reachable (and their watchdogs armed) for the life of the JVM. */
    private static volatile LocalInfra scratch;

    private final KafkaBroker kafka;
    private final int kafkaControllerPort;
    private final Path kafkaDir;
    private final PostgresServer postgres;
    private final SmtpServer smtp;

    private LocalInfra(KafkaBroker kafka, int kafkaControllerPort, Path kafkaDir, PostgresServer postgres,
            SmtpServer smtp) {
        this.kafka = kafka;
        this.kafkaControllerPort = kafkaControllerPort;
        this.kafkaDir = kafkaDir;
        this.postgres = postgres;
        this.smtp = smtp;
    }

    /** Servers on free ports in scratch folders, removed when the JVM ends (or by the next run if it was killed). */
    public static synchronized LocalInfra startScratch() {
        if (scratch != null) {
            return scratch;
        }
        Path kafkaDir = StaleDirs.create("parus-kafka");
        Path pgDir = StaleDirs.create("parus-pg");
        // tests need no durability: fsync off makes schema migrations and commits several times faster
        PostgresServer postgres = PostgresServer.start(pgDir, Ports.free(), false,
                Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off"));
        KafkaBroker kafka = null;
        int controllerPort = 0;
        // a free port can be taken by another process before the broker binds it: try fresh ones
        for (int attempt = 1; kafka == null; attempt++) {
            controllerPort = Ports.free();
            KafkaBroker candidate = new KafkaBroker(kafkaDir, Ports.free(), controllerPort);
            try {
                kafka = candidate.start();
            } catch (IllegalStateException e) {
                candidate.kill();
                if (attempt == 3) {
                    throw e;
                }
                StaleDirs.deleteRecursively(kafkaDir);
            }
        }
        kafka.createTopics(Topics.ALL, Topics.PARTITIONS);
        SmtpServer smtp = SmtpServer.start(Ports.free(), SCRATCH_SMTP_IDLE_TIMEOUT);
        scratch = new LocalInfra(kafka, controllerPort, kafkaDir, postgres, smtp);
        Runtime.getRuntime().addShutdownHook(new Thread(scratch::close, "parus-infra-stop"));
        return scratch;
    }

    /** The local stack's servers on fixed ports, keeping their data under {@code home} between runs. */
    public static LocalInfra startPersistent(Path home, int kafkaPort, int kafkaControllerPort, int postgresPort,
            int smtpPort) {
        Path kafkaDir = home.resolve("kafka");
        KafkaBroker kafka = new KafkaBroker(kafkaDir, kafkaPort, kafkaControllerPort);
        // commit timestamps let scripts/EventLatency.java measure to the consumer's commit, when its effect is visible
        PostgresServer postgres = PostgresServer.start(home.resolve("postgres"), postgresPort, true,
                Map.of("track_commit_timestamp", "on"));
        kafka.start();
        kafka.createTopics(Topics.ALL, Topics.PARTITIONS);
        SmtpServer smtp = SmtpServer.start(smtpPort);
        return new LocalInfra(kafka, kafkaControllerPort, kafkaDir, postgres, smtp);
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public int kafkaControllerPort() {
        return kafkaControllerPort;
    }

    public Path kafkaDir() {
        return kafkaDir;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public SmtpServer smtp() {
        return smtp;
    }

    @Override
    public void close() {
        smtp.close();
        kafka.close();
        postgres.close();
    }
}
