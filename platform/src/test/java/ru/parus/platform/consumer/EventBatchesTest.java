package ru.parus.platform.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import ru.parus.platform.events.EventHandlers;
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

    static EventHandlers reads(String consumer) {
        return new EventHandlers(consumer, new ObjectMapper(), null, (c, e) -> true);
    }

    @Test
    void eachSubscribedTopicGoesToTheConsumerThatReadsIt() {
        EventHandlers orders = reads("svc.order-events");
        EventHandlers catalogue = reads("svc.catalogue-events").alsoFrom("catalog-events");
        Map<String, EventHandlers> routes = EventBatches.routes(List.of(orders, catalogue),
                Set.of("order-events", "catalogue-events", "catalog-events"));
        assertEquals(Map.of("order-events", orders, "catalogue-events", catalogue, "catalog-events", catalogue), routes);
    }

    @Test
    void aSubscribedTopicNoConsumerReadsStopsTheStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EventBatches.routes(
                List.of(reads("svc.order-events")), Set.of("order-events", "customer-events")));
        assertTrue(e.getMessage().contains("no consumer reads [customer-events]"), e.getMessage());
    }

    @Test
    void aConsumerOfATopicNotSubscribedStopsTheStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EventBatches.routes(
                List.of(reads("svc.order-events"), reads("svc.customer-events")), Set.of("order-events")));
        assertTrue(e.getMessage().contains("not subscribed to [customer-events], which [svc.customer-events] read"),
                e.getMessage());
    }

    @Test
    void twoConsumersOfOneTopicStopTheStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EventBatches.routes(
                List.of(reads("a.order-events"), reads("b.order-events")), Set.of("order-events")));
        assertEquals("a.order-events and b.order-events both read order-events", e.getMessage());
    }
}
