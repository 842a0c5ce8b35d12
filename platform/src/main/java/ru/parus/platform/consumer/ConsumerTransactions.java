package ru.parus.platform.consumer;

import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import ru.parus.platform.events.EventHandlers;

/** The transactions {@link EventBatches} applies records in; a bean of its own so that its interceptors apply. */
@ApplicationScoped
public class ConsumerTransactions {
    /** Every record of a poll in one transaction, no retry: a failure makes the caller go one record at a time. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void all(Function<ConsumerRecord<String, String>, EventHandlers> handlers,
            List<ConsumerRecord<String, String>> records) {
        for (ConsumerRecord<String, String> record : records) {
            handlers.apply(record).dispatch(record);
        }
    }

    /** One record in its own transaction, retried after a transient failure (a new transaction each attempt). */
    @RetryTransientFailures
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void one(EventHandlers handlers, ConsumerRecord<String, String> record) {
        handlers.dispatch(record);
    }
}
