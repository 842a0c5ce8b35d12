package ru.parus.platform.outbox;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

import ru.parus.platform.scan.ScanLock;

/**
 * Publishes outbox rows to Kafka in order and marks them sent only after the broker's ack.
 *
 * <p>{@link OutboxRelayTrigger} runs it right after each commit that wrote a row, and on a fallback poll. One relay per
 * database acts at a time (a transaction-scoped advisory lock), so that with several replicas an
 * aggregate's events still leave in {@code seq} order; rows are also locked {@code FOR UPDATE SKIP
 * LOCKED}. Events go out as CloudEvents in binary mode: {@code ce_*} headers, JSON value, the
 * aggregate id as key. A failed or slow batch is rolled back and sent again later: delivery is at
 * least once and consumers deduplicate by {@code ce_id}.
 *
 * <p>A batch is one plain JDBC transaction of four statements (lock, claim, mark sent, commit), without Hibernate or
 * JTA: under load the relay runs a batch per few orders, and a Hibernate session with a JTA transaction around each
 * cost a fifth of order-service's CPU (issue 15's profile, docs/performance.md).
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /**
     * Advisory lock key: any constant, unique among this database's advisory locks. Public for tests that hold it to
     * keep rows unsent for a while.
     */
    public static final long RELAY_LOCK = 0x7061727573L; // "parus"

    private static final String UNSENT = "SELECT " + OutboxMessage.COLUMNS
            + " FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED";
    private static final String MARK_SENT = "UPDATE outbox SET sent_at = ? WHERE seq = ANY (?)";
    /** After a rolled-back batch's acks came late: rows another relay sent meanwhile stay as they are. */
    private static final String MARK_SENT_LATE = "UPDATE outbox SET sent_at = ? WHERE seq = ANY (?) AND sent_at IS NULL";

    @Inject
    @Channel("outbox")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    MutinyEmitter<String> emitter;
    @Inject
    DataSource dataSource;
    @Inject
    OutboxConfig config;
    @Inject
    Clock clock;
    @ConfigProperty(name = "quarkus.application.name")
    String source;
    /** Without the SDK the connector injects no trace context: the relay passes the row's on as it is. */
    @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false")
    boolean tracingOff;

    @Inject
    OutboxRelayTrigger trigger;
    @Inject
    OutboxMetrics metrics;

    /** Sends of a batch that timed out may still complete; no new batch is sent until they settle. */
    private volatile CompletableFuture<?> unsettled = CompletableFuture.completedFuture(null);

    /**
     * {@link #relayBatch}'s answer when it could not look: another replica's relay holds the lock, or an earlier
     * batch's sends have not settled. Rows may be waiting, so the trigger looks again at its short poll.
     */
    public static final int BUSY = -1;

    /** Publishes one batch; returns how many rows were published, or {@link #BUSY}. */
    public int relayBatch() {
        if (!unsettled.isDone()) {
            return BUSY;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int published = publishBatch(connection);
                connection.commit();
                return published;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailed) {
                    e.addSuppressed(rollbackFailed); // the batch's own failure is the one worth reporting
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("outbox relay: " + e.getMessage(), e);
        }
    }

    /** One batch in the caller's JDBC transaction: lock, claim, send, wait for the acks, mark sent. */
    private int publishBatch(Connection connection) throws SQLException {
        if (!ScanLock.tryAcquire(connection, RELAY_LOCK)) {
            return BUSY;
        }
        List<OutboxMessage> batch = unsent(connection);
        if (batch.isEmpty()) {
            return 0;
        }
        List<Message<String>> messages = batch.stream().map(this::message).toList();
        CompletableFuture<Void> pending = Uni.join().all(messages.stream().map(emitter::sendMessage).toList())
                .andFailFast().replaceWithVoid().subscribeAsCompletionStage();
        List<Long> seqs = batch.stream().map(m -> m.seq).toList();
        try {
            Uni.createFrom().completionStage(pending).await().atMost(config.sendTimeout());
        } catch (RuntimeException timeoutOrFailure) {
            // The producer may still deliver the batch (a broker that comes back): then mark it sent
            // late, so that it is not sent a second time; until then no new batch goes out.
            unsettled = pending.thenRunAsync(() -> markSentLate(seqs), trigger::runOnRelayThread);
            throw timeoutOrFailure;
        }
        markSent(connection, seqs, false);
        metrics.published(batch.stream().map(m -> m.eventType).toList());
        return batch.size();
    }

    private List<OutboxMessage> unsent(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(UNSENT)) {
            select.setInt(1, config.batchSize());
            List<OutboxMessage> batch = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    batch.add(OutboxMessage.of(row));
                }
            }
            return batch;
        }
    }

    /** {@code late}: the acks came after the batch's transaction was rolled back. */
    private int markSent(Connection connection, List<Long> seqs, boolean late) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(late ? MARK_SENT_LATE : MARK_SENT)) {
            update.setObject(1, OffsetDateTime.now(clock));
            update.setArray(2, connection.createArrayOf("bigint", seqs.toArray()));
            return update.executeUpdate();
        }
    }

    private void markSentLate(List<Long> seqs) {
        try (Connection connection = dataSource.getConnection()) {
            markSent(connection, seqs, true);
        } catch (SQLException e) {
            // the rows stay unsent and go out again: consumers deduplicate by ce_id
            LOG.warnf("outbox relay: %d late acks arrived but the rows could not be marked sent: %s", seqs.size(),
                    e.toString());
            return;
        }
        metrics.published(seqs.size());
        LOG.infof("outbox relay: %d late acks arrived; rows marked sent", seqs.size());
    }

    private Message<String> message(OutboxMessage m) {
        Context parent = tracingOff ? null : TraceContext.parent(m.traceparent);
        boolean passThrough = tracingOff && TraceContext.valid(m.traceparent);
        Message<String> message = Message.of(m.payload);
        if (parent != null) {
            // the producer span (and the traceparent header the connector writes) continues the writer's trace
            message = message.addMetadata(TracingMetadata.withCurrent(parent));
        }
        return message
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(m.topic)
                        .withKey(m.aggregateId)
                        .withHeaders(passThrough ? List.of(new RecordHeader(TraceContext.TRACEPARENT,
                                m.traceparent.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) : List.of())
                        .build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(m.eventId.toString())
                        .withType(m.eventType)
                        .withSource(URI.create(source))
                        .withSubject(m.aggregateId)
                        .withTimestamp(m.occurredAt.toZonedDateTime())
                        .withDataContentType("application/json")
                        .withExtension("aggregatetype", m.aggregateType)
                        .build());
    }
}
