package ru.parus.platform.replay;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * Rebuilds one service's projections from its Kafka topics (docs/operations.md, "Replaying projections"). Run it
 * while the service is stopped, with the service's own classpath, so that the service's replay hook
 * ({@value #HOOK}) and its JDBC driver and Kafka client are found:
 *
 * <pre>java -cp 'quarkus-app/lib/main/*:quarkus-app/app/*' ru.parus.platform.replay.ProjectionReplay</pre>
 *
 * <p>The hook names the consumer group, its topics, the inbox consumers and the SQL that clears the projection
 * ({@code clear.1}, {@code clear.2}, ...). In one database transaction the tool runs the SQL and deletes those
 * consumers' inbox rows; before that transaction commits it rewinds the group to the beginning of its topics. A
 * failed rewind rolls the transaction back (nothing changed); a failed commit after the rewind leaves the inbox
 * whole, so the re-read records are skipped as duplicates (nothing changed either). When the service starts again
 * it reads the topics from the beginning and rebuilds the projection.
 *
 * <p>Settings come as the service reads them: a system property ({@code -Dquarkus.datasource.jdbc.url=...}), else
 * the environment variable ({@code QUARKUS_DATASOURCE_JDBC_URL}), else the service's application.properties:
 * {@code quarkus.datasource.jdbc.url}, {@code quarkus.datasource.username}, {@code quarkus.datasource.password},
 * {@code kafka.bootstrap.servers}.
 */
public final class ProjectionReplay {
    public static final String HOOK = "META-INF/parus-replay.properties";

    private final Map<String, String> settings;
    private final Properties hook;

    ProjectionReplay(Map<String, String> settings, Properties hook) {
        this.settings = settings;
        this.hook = hook;
    }

    public static void main(String[] args) throws Exception {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Properties hook = load(loader, HOOK);
        if (hook.isEmpty()) {
            fail("no " + HOOK + " on the classpath: this service declares no replayable projection");
        }
        Properties application = load(loader, "application.properties");
        Map<String, String> settings = new HashMap<>();
        for (String key : List.of("quarkus.datasource.jdbc.url", "quarkus.datasource.username",
                "quarkus.datasource.password", "kafka.bootstrap.servers")) {
            settings.put(key, setting(key, application));
        }
        Report report = new ProjectionReplay(settings, hook).run();
        System.out.println(report);
    }

    record Report(String group, Map<TopicPartition, Long> rewoundTo, List<Integer> clearedRows, int inboxRows) {
        @Override
        public String toString() {
            return "replay: group " + group + " rewound to the beginning of " + rewoundTo.size() + " partitions "
                    + new TreeMap<>(rewoundTo.entrySet().stream()
                            .collect(Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue)))
                    + "; projection cleared (rows per statement " + clearedRows + "), " + inboxRows
                    + " inbox rows deleted. Start the service: it rebuilds the projection from the topics.";
        }
    }

    Report run() throws SQLException, InterruptedException, ExecutionException {
        String group = required("group");
        List<String> topics = list("topics");
        List<String> consumers = list("inbox-consumers");
        List<String> clear = hook.stringPropertyNames().stream().filter(k -> k.startsWith("clear."))
                .sorted((a, b) -> Integer.compare(number(a), number(b))).map(hook::getProperty).toList();
        Properties kafka = new Properties();
        kafka.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.get("kafka.bootstrap.servers"));
        kafka.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(kafka);
                Connection db = DriverManager.getConnection(settings.get("quarkus.datasource.jdbc.url"),
                        settings.get("quarkus.datasource.username"), settings.get("quarkus.datasource.password"))) {
            // the group must have no members: a running replica would keep committing its own offsets
            ConsumerGroupDescription described = admin.describeConsumerGroups(List.of(group)).all()
                    .get(30, TimeUnit.SECONDS).get(group);
            if (described != null && !described.members().isEmpty()) {
                fail("consumer group " + group + " has " + described.members().size() + " active members ("
                        + described.groupState() + "): stop every replica of the service first");
            }
            if (described != null && described.groupState() != GroupState.EMPTY && described.groupState() != GroupState.DEAD) {
                fail("consumer group " + group + " is " + described.groupState() + ": stop the service and retry");
            }
            db.setAutoCommit(false);
            List<Integer> cleared = new ArrayList<>();
            int inbox = 0;
            try {
                try (Statement statement = db.createStatement()) {
                    for (String sql : clear) {
                        cleared.add(statement.executeUpdate(sql));
                    }
                }
                try (PreparedStatement delete = db.prepareStatement("DELETE FROM inbox WHERE consumer = ?")) {
                    for (String consumer : consumers) {
                        delete.setString(1, consumer);
                        inbox += delete.executeUpdate();
                    }
                }
                Map<TopicPartition, Long> beginning = beginning(admin, topics);
                admin.alterConsumerGroupOffsets(group, beginning.entrySet().stream().collect(Collectors.toMap(
                        Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())))).all().get(30, TimeUnit.SECONDS);
                db.commit();
                return new Report(group, beginning, cleared, inbox);
            } catch (RuntimeException | SQLException | ExecutionException | java.util.concurrent.TimeoutException e) {
                db.rollback();
                throw e instanceof RuntimeException r ? r : new IllegalStateException("replay failed, nothing changed: " + e, e);
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within 30 s at " + settings.get("kafka.bootstrap.servers"), e);
        }
    }

    private static Map<TopicPartition, Long> beginning(Admin admin, List<String> topics)
            throws InterruptedException, ExecutionException {
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        described.values().forEach(t -> t.partitions()
                .forEach(p -> earliest.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.earliest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets = admin.listOffsets(earliest).all().get();
        Map<TopicPartition, Long> result = new HashMap<>();
        offsets.forEach((partition, info) -> result.put(partition, info.offset()));
        return result;
    }

    private String required(String key) {
        String value = hook.getProperty(key);
        if (value == null || value.isBlank()) {
            fail(HOOK + " lacks " + key);
        }
        return value.trim();
    }

    private List<String> list(String key) {
        return Arrays.stream(required(key).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static int number(String key) {
        try {
            return Integer.parseInt(key.substring("clear.".length()));
        } catch (NumberFormatException e) {
            throw new IllegalStateException(HOOK + ": " + key + " is not clear.<number>");
        }
    }

    /** System property, then the environment variable of the Quarkus convention, then application.properties. */
    static String setting(String key, Properties application) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        }
        if (value == null) {
            value = application.getProperty(key);
        }
        if (value == null && !key.endsWith("password")) {
            fail("no " + key + " (set -D" + key + " or " + key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + ")");
        }
        return value == null ? "" : value.trim();
    }

    private static Properties load(ClassLoader loader, String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(in);
            }
        }
        return properties;
    }

    private static void fail(String message) {
        throw new IllegalStateException(message);
    }
}
