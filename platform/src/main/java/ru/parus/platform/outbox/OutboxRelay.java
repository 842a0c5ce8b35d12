package ru.parus.platform.outbox;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
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
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /**
     * Advisory lock key: any constant, unique among this database's advisory locks. Public for tests that hold it to
     * keep rows unsent for a while.
     */
    public static final long RELAY_LOCK = 0x7061727573L; // "parus"

    @Inject
    @Channel("outbox")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    MutinyEmitter<String> emitter;
    @Inject
    EntityManager em;
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

    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-send");
        t.setDaemon(true);
        return t;
    });

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
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!ScanLock.tryAcquire(em, RELAY_LOCK)) {
                return BUSY;
            }
            @SuppressWarnings("unchecked")
            List<OutboxMessage> batch = em.createNativeQuery(
                    "SELECT * FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT ?1 FOR UPDATE SKIP LOCKED",
                    OutboxMessage.class).setParameter(1, config.batchSize()).getResultList();
            if (batch.isEmpty()) {
                return 0;
            }
            // Sent from a thread of its own: subscribing here would carry this thread's JTA context into
            // the producer's callbacks (Narayana then warns "commit invoked while multiple threads active").
            List<Message<String>> messages = batch.stream().map(this::message).toList();
            CompletableFuture<Void> pending = CompletableFuture.supplyAsync(() -> Uni.join()
                    .all(messages.stream().map(emitter::sendMessage).toList()).andFailFast()
                    .replaceWithVoid().subscribeAsCompletionStage(), sender).thenCompose(f -> f);
            try {
                Uni.createFrom().completionStage(pending).await().atMost(config.sendTimeout());
            } catch (RuntimeException timeoutOrFailure) {
                // The producer may still deliver the batch (a broker that comes back): then mark it sent
                // late, so that it is not sent a second time; until then no new batch goes out.
                List<Long> seqs = batch.stream().map(m -> m.seq).toList();
                unsettled = pending.thenRunAsync(() -> markSent(seqs), trigger::runOnRelayThread);
                throw timeoutOrFailure;
            }
            OffsetDateTime sentAt = OffsetDateTime.now(clock);
            batch.forEach(m -> m.sentAt = sentAt);
            metrics.published(batch.stream().map(m -> m.eventType).toList());
            return batch.size();
        });
    }

    private void markSent(List<Long> seqs) {
        QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                "UPDATE OutboxMessage m SET m.sentAt = :now WHERE m.seq IN :seqs AND m.sentAt IS NULL")
                .setParameter("now", OffsetDateTime.now(clock))
                .setParameter("seqs", seqs)
                .executeUpdate());
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

    @PreDestroy
    void stop() {
        sender.shutdown();
    }
}
