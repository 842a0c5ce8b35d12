package ru.parus.platform.consumer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import ru.parus.platform.events.EventHandlers;
import ru.parus.platform.scan.ScanPacing;

/**
 * How a service applies what one poll of a channel returned (issue 15: a transaction, a worker hand-off and an
 * acknowledgement per record made the consumers fall behind the storefront's orders). Every record of the poll is
 * applied in one transaction; if any of them fails, that transaction is rolled back and the records are applied again
 * one by one, in their order, each in its own transaction with the transient-failure retry
 * ({@link RetryTransientFailures}); a record that still fails goes to its channel's dead-letter topic
 * ({@link DeadLetters}). The records come from the service's one channel ({@link EventChannel}), each to the
 * {@link EventConsumer} of its topic. The batch is acknowledged (its offsets committed) only after this method returns, so a crash
 * in between redelivers it, and the inbox drops what was already applied.
 *
 */
@ApplicationScoped
public class EventBatches {
    private static final Logger LOG = Logger.getLogger(EventBatches.class);

    @Inject
    ConsumerTransactions transactions;
    @Inject
    DeadLetters deadLetters;
    @Inject
    MeterRegistry registry;
    @Inject
    ScanPacing pacing;
    @Inject
    @Any
    Instance<EventConsumer> consumers;
    @ConfigProperty(name = "mp.messaging.incoming.events.topics")
    Optional<Set<String>> subscribed;

    private volatile Map<String, EventHandlers> byTopic;

    /**
     * Routes each topic to its consumer when the service starts, and refuses to start on a slip between the channel's
     * topics and the consumers': a topic read by no consumer would have its records skipped and committed, a consumer
     * of a topic not subscribed would never be called.
     */
    void route(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent started) {
        // before the messaging starts (its own observer runs at LIBRARY_BEFORE), so that no record finds no routes
        List<EventHandlers> handlers = new ArrayList<>();
        consumers.forEach(consumer -> handlers.add(consumer.handlers()));
        byTopic = routes(handlers, subscribed.orElse(Set.of()));
    }

    static Map<String, EventHandlers> routes(List<EventHandlers> handlers, Set<String> subscribed) {
        Map<String, EventHandlers> routes = new HashMap<>();
        for (EventHandlers h : handlers) {
            for (String topic : h.topics()) {
                EventHandlers other = routes.put(topic, h);
                if (other != null) {
                    throw new IllegalStateException(other.consumer() + " and " + h.consumer() + " both read " + topic);
                }
            }
        }
        Set<String> unread = new TreeSet<>(subscribed);
        unread.removeAll(routes.keySet());
        Set<String> unsubscribed = new TreeSet<>(routes.keySet());
        unsubscribed.removeAll(subscribed);
        if (!unread.isEmpty() || !unsubscribed.isEmpty()) {
            throw new IllegalStateException("mp.messaging.incoming.events.topics does not match the consumers:"
                    + (unread.isEmpty() ? "" : " no consumer reads " + unread + ";")
                    + (unsubscribed.isEmpty() ? "" : " not subscribed to " + unsubscribed + ", which "
                            + unsubscribed.stream().map(t -> routes.get(t).consumer()).distinct().toList() + " read"));
        }
        return Map.copyOf(routes);
    }

    /** Applies the records a poll returned; see the class comment. */
    public void apply(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> list = new ArrayList<>(records.count());
        records.forEach(list::add);
        apply(list, new Steps() {
            @Override
            public void all(List<ConsumerRecord<String, String>> batch) {
                transactions.all(EventBatches.this::handlersOf, batch);
            }

            @Override
            public void one(ConsumerRecord<String, String> record) {
                transactions.one(handlersOf(record), record);
            }

            @Override
            public void deadLetter(ConsumerRecord<String, String> record, Exception failure) {
                LOG.warnf("%s: %s-%d@%d goes to the dead-letter topic (%s)", handlersOf(record).consumer(),
                        record.topic(), record.partition(), record.offset(), TransientFailureRetry.describe(failure));
                deadLetters.send(handlersOf(record).topics().get(0), record, failure);
            }

            @Override
            public void batchFailed(int size) {
                registry.counter("parus.consumer.batch.splits").increment();
            }
        });
        if (!list.isEmpty()) {
            pacing.changed(); // committed: what the events changed may be due for a scan (R14, R15, R22, R25)
        }
    }

    EventHandlers handlersOf(ConsumerRecord<String, String> record) {
        EventHandlers handlers = byTopic.get(record.topic());
        if (handlers == null) {
            // route() checked at start-up that every subscribed topic has a consumer: this is a bug, not data
            throw new IllegalStateException("no consumer reads " + record.topic());
        }
        return handlers;
    }

    /** The three ways of applying, apart from Kafka and the database, so that the order of attempts can be tested. */
    interface Steps {
        void all(List<ConsumerRecord<String, String>> batch);

        void one(ConsumerRecord<String, String> record);

        void deadLetter(ConsumerRecord<String, String> record, Exception failure);

        void batchFailed(int size);
    }

    static void apply(List<ConsumerRecord<String, String>> records, Steps steps) {
        if (records.isEmpty()) {
            return;
        }
        if (records.size() > 1) {
            try {
                steps.all(records);
                return;
            } catch (Exception e) {
                // a poison record or a transient failure somewhere in the batch: find which, one at a time
                steps.batchFailed(records.size());
            }
        }
        for (ConsumerRecord<String, String> record : records) {
            try {
                steps.one(record);
            } catch (Exception e) {
                steps.deadLetter(record, e);
            }
        }
    }
}
