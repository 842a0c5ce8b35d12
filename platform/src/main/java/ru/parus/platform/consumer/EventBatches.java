package ru.parus.platform.consumer;

import java.util.ArrayList;
import java.util.List;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
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

    private volatile Map<String, EventHandlers> byTopic;

    /** Applies the records a poll returned; see the class comment. */
    public void apply(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> list = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            if (handlersOf(record) != null) {
                list.add(record);
            } else {
                // subscribed (mp.messaging.incoming.events.topics) but read by no EventConsumer: a configuration slip
                LOG.errorf("no consumer reads %s; %s-%d@%d skipped", record.topic(), record.topic(), record.partition(),
                        record.offset());
            }
        }
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
        Map<String, EventHandlers> routes = byTopic;
        if (routes == null) {
            routes = new HashMap<>();
            for (EventConsumer consumer : consumers) {
                for (String topic : consumer.handlers().topics()) {
                    if (routes.put(topic, consumer.handlers()) != null) {
                        throw new IllegalStateException("two consumers read " + topic);
                    }
                }
            }
            byTopic = routes;
        }
        return routes.get(record.topic());
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
