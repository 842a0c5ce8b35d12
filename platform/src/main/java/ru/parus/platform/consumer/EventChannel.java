package ru.parus.platform.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/**
 * The one incoming channel of a service, {@code events}: a Kafka consumer subscribed to every topic the service reads
 * ({@code mp.messaging.incoming.events.topics}), so that an idle service polls once, not once per topic (issue 15:
 * five consumers' 20 ms polls were most of an idle service's CPU). What a poll returns is applied by
 * {@link EventBatches}; each record goes to the {@link EventConsumer} of its topic.
 */
@ApplicationScoped
public class EventChannel {
    @Inject
    EventBatches batches;

    @Incoming("events")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        batches.apply(records);
    }
}
