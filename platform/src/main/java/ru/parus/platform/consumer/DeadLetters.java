package ru.parus.platform.consumer;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends a record no retry could apply to its topic's dead-letter topic for this service,
 * {@code <topic>.<service>.dlq} (e.g. {@code order-events.customer-service.dlq}: each consumer group inspects and replays
 * its own), and waits for the broker's acknowledgement, so
 * the record's offset is committed only once it is safe there. The record keeps its key, value and headers (the
 * CloudEvent's {@code ce_id}, {@code ce_type}: it can be replayed as it was); the {@code dead-letter-*} headers say
 * why and where from, as SmallRye's own dead-letter strategy writes them.
 */
@ApplicationScoped
public class DeadLetters {
    private static final long ACK_MARGIN_MS = 5_000;
    @Inject
    @Channel("dead-letters")
    Emitter<String> emitter;
    @ConfigProperty(name = "quarkus.application.name")
    String service;
    /**
     * The producer's own limit for a send, retries included (Kafka's default 120 s): waiting a little longer means it
     * has either stored the record or given up, so a record is never dead-lettered after this call already failed
     * (the connector would then dead-letter the whole batch again).
     */
    @ConfigProperty(name = "mp.messaging.outgoing.dead-letters.delivery.timeout.ms", defaultValue = "120000")
    long deliveryTimeoutMs;
    @Inject
    MeterRegistry registry;

    /** @param readAs the topic the record's handlers are named after (a renamed topic's records go with the new one's) */
    public void send(String readAs, ConsumerRecord<String, String> record, Exception failure) {
        String topic = readAs + "." + service + ".dlq";
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add("dead-letter-reason", bytes(reason(failure)));
        headers.add("dead-letter-exception-class-name", bytes(failure.getClass().getName()));
        headers.add("dead-letter-cause", bytes(TransientFailureRetry.describe(failure)));
        headers.add("dead-letter-topic", bytes(record.topic()));
        headers.add("dead-letter-partition", bytes(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", bytes(Long.toString(record.offset())));
        CompletableFuture<Void> stored = new CompletableFuture<>();
        emitter.send(Message.of(record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(topic).withKey(record.key()).withHeaders(headers).build())
                .withAck(() -> {
                    stored.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(e -> {
                    stored.completeExceptionally(e);
                    return CompletableFuture.completedFuture(null);
                }));
        try {
            stored.get(deliveryTimeoutMs + ACK_MARGIN_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering " + record.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            // not acknowledged: the batch is not either, and the channel's failure strategy takes over
            throw new IllegalStateException("could not dead-letter a record of " + record.topic() + " to " + topic, e);
        }
        registry.counter("parus.consumer.dead.letters", "topic", topic).increment();
    }

    /** The poison's own message (it names the event, not personal data); for other failures only their classes. */
    private static String reason(Exception failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ru.parus.platform.events.PoisonEventException && t.getMessage() != null) {
                return t.getMessage();
            }
        }
        return TransientFailureRetry.describe(failure);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
