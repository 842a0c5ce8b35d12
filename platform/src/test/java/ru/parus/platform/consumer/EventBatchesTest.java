package ru.parus.platform.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import ru.parus.platform.events.PoisonEventException;

/** The order of attempts in {@link EventBatches}: the poll at once, then one record at a time, then dead letters. */
class EventBatchesTest {
    /** Records what was tried; the records named in {@code poison} fail wherever they are applied. */
    static final class Recorder implements EventBatches.Steps {
        final Set<String> poison;
        final List<String> log = new ArrayList<>();

        Recorder(String... poison) {
            this.poison = Set.of(poison);
        }

        @Override
        public void all(List<ConsumerRecord<String, String>> batch) {
            log.add("all " + batch.stream().map(ConsumerRecord::value).toList());
            batch.forEach(this::failIfPoison);
        }

        @Override
        public void one(ConsumerRecord<String, String> record) {
            log.add("one " + record.value());
            failIfPoison(record);
        }

        @Override
        public void deadLetter(ConsumerRecord<String, String> record, Exception failure) {
            log.add("dead " + record.value());
        }

        @Override
        public void batchFailed(int size) {
            log.add("split " + size);
        }

        private void failIfPoison(ConsumerRecord<String, String> record) {
            if (poison.contains(record.value())) {
                throw new PoisonEventException("poison " + record.value(), record);
            }
        }
    }

    static List<ConsumerRecord<String, String>> records(String... values) {
        List<ConsumerRecord<String, String>> list = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            list.add(new ConsumerRecord<>("order-events", 0, i, "key", values[i]));
        }
        return list;
    }

    @Test
    void aPollIsAppliedInOneTransactionWhenEveryRecordSucceeds() {
        Recorder steps = new Recorder();
        EventBatches.apply(records("a", "b", "c"), steps);
        assertEquals(List.of("all [a, b, c]"), steps.log);
    }

    @Test
    void aPoisonRecordInAPollLeavesTheOthersAppliedOneByOneInTheirOrderAndOnlyItselfDeadLettered() {
        Recorder steps = new Recorder("b");
        EventBatches.apply(records("a", "b", "c"), steps);
        assertEquals(List.of("all [a, b, c]", "split 3", "one a", "one b", "dead b", "one c"), steps.log);
    }

    @Test
    void aSingleRecordGoesStraightToItsOwnTransaction() {
        Recorder steps = new Recorder("a");
        EventBatches.apply(records("a"), steps);
        assertEquals(List.of("one a", "dead a"), steps.log);
    }

    @Test
    void anEmptyPollDoesNothing() {
        Recorder steps = new Recorder();
        EventBatches.apply(List.of(), steps);
        assertEquals(List.of(), steps.log);
    }
}
