package ru.parus.platform.consumer;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import ru.parus.platform.events.EventHandlers;

/**
 * How a service applies what one poll of a channel returned (issue 15: a transaction, a worker hand-off and an
 * acknowledgement per record made the consumers fall behind the storefront's orders). Every record of the poll is
 * applied in one transaction; if any of them fails, that transaction is rolled back and the records are applied again
 * one by one, in their order, each in its own transaction with the transient-failure retry
 * ({@link RetryTransientFailures}); a record that still fails goes to its channel's dead-letter topic
 * ({@link DeadLetters}). The batch is acknowledged (its offsets committed) only after this method returns, so a crash
 * in between redelivers it, and the inbox drops what was already applied.
 *
 * <pre>
 * &#64;Incoming("order-events")
 * &#64;Blocking
 * public void consume(ConsumerRecords&lt;String, String&gt; records) {
 *     batches.apply("order-events", handlers, records);
 * }
 * </pre>
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

    /** Applies the records a poll of {@code channel} returned; see the class comment. */
    public void apply(String channel, EventHandlers handlers, ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> list = new ArrayList<>(records.count());
        records.forEach(list::add);
        apply(list, new Steps() {
            @Override
            public void all(List<ConsumerRecord<String, String>> batch) {
                transactions.all(handlers, batch);
            }

            @Override
            public void one(ConsumerRecord<String, String> record) {
                transactions.one(handlers, record);
            }

            @Override
            public void deadLetter(ConsumerRecord<String, String> record, Exception failure) {
                LOG.warnf("%s: %s-%d@%d goes to the dead-letter topic (%s)", handlers.consumer(), record.topic(),
                        record.partition(), record.offset(), TransientFailureRetry.describe(failure));
                deadLetters.send(channel, record, failure);
            }

            @Override
            public void batchFailed(int size) {
                registry.counter("parus.consumer.batch.splits", "consumer", handlers.consumer()).increment();
            }
        });
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
