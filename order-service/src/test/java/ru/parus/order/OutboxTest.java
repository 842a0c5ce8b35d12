package ru.parus.order;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import ru.parus.infra.test.TestInfra;
import ru.parus.infra.test.TestKafka;
import ru.parus.platform.events.EventType;
import ru.parus.platform.outbox.Outbox;
import ru.parus.platform.outbox.OutboxConfig;
import ru.parus.platform.outbox.OutboxMessage;
import ru.parus.platform.testing.EventSchemas;

/** The transactional outbox against the real database and broker (ARCHITECTURE.md, reliability rules). */
@QuarkusTest
class OutboxTest {
    @Inject
    Outbox outbox;
    @Inject
    EntityManager em;
    @Inject
    OutboxConfig config;

    @Test
    void aCommittedOrderIsPublishedWithItsIdAsKeyAndCloudEventHeaders() {
        String id = OrderApiTest.place(OrderApiTest.order(UUID.randomUUID()), null).statusCode(201).extract().path("id");
        List<ConsumerRecord<String, String>> records = TestKafka.awaitRecords("order-events", r -> id.equals(r.key()), 1,
                Duration.ofSeconds(10));
        assertEquals(1, records.size());
        ConsumerRecord<String, String> record = records.get(0);
        assertEquals("ru.parus.order.OrderPlaced.v1", TestKafka.header(record, "ce_type"));
        assertEquals("order-service", TestKafka.header(record, "ce_source"));
        assertEquals(id, TestKafka.header(record, "ce_subject"));
        assertEquals("Order", TestKafka.header(record, "ce_aggregatetype"));
        assertNotNull(TestKafka.header(record, "ce_time"));
        assertEquals(message(UUID.fromString(TestKafka.header(record, "ce_id"))).aggregateId, id);
        assertTrue(EventSchemas.violations("OrderPlaced.v1", record.value()).isEmpty(),
                () -> EventSchemas.violations("OrderPlaced.v1", record.value()) + " in " + record.value());
        await().atMost(Duration.ofSeconds(5)).until(() -> message(UUID.fromString(TestKafka.header(record, "ce_id"))).sentAt != null);
    }

    @Test
    void aRolledBackTransactionLeavesNoRowAndPublishesNothing() {
        String aggregate = "rolled-back-" + UUID.randomUUID();
        UUID[] eventId = new UUID[1];
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            eventId[0] = outbox.publish("order-events", "Order", aggregate, EventType.of("order", "OrderPlaced", 1),
                    Map.of("orderId", aggregate));
            throw new IllegalStateException("the business change fails after the event was written");
        }));
        assertNull(message(eventId[0]), "no outbox row after rollback");
        // a committed event written afterwards is published; the rolled-back one never is
        String later = "committed-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> outbox.publish("order-events", "Order", later,
                EventType.of("order", "OrderPlaced", 1), Map.of("orderId", later)));
        List<ConsumerRecord<String, String>> records = TestKafka.awaitRecords("order-events",
                r -> later.equals(r.key()) || aggregate.equals(r.key()), 2, Duration.ofSeconds(5));
        assertEquals(List.of(later), records.stream().map(ConsumerRecord::key).toList());
    }

    @Test
    void aBrokerDownAtCommitDelaysTheEventButDoesNotLoseIt() {
        TestInfra.killKafka();
        String id;
        try {
            // the order commits without the broker: only the database takes part in the transaction
            id = OrderApiTest.place(OrderApiTest.order(UUID.randomUUID()), null).statusCode(201).extract().path("id");
            String placed = id;
            UUID eventId = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                    "select m.eventId from OutboxMessage m where m.aggregateId = :id", UUID.class)
                    .setParameter("id", placed).getSingleResult());
            assertNull(message(eventId).sentAt, "not marked sent while the broker is down");
        } finally {
            TestInfra.startKafka();
        }
        String placed = id;
        List<ConsumerRecord<String, String>> records = TestKafka.awaitRecords("order-events", r -> placed.equals(r.key()), 1,
                Duration.ofSeconds(90));
        assertFalse(records.isEmpty(), "the event arrives once the broker is back");
        // delivery is at least once: a retried send may repeat the record, but always as the same event
        assertEquals(1, records.stream().map(r -> TestKafka.header(r, "ce_id")).distinct().count(),
                "every copy carries the same ce_id, so the consumers' inbox applies it once");
        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(m) from OutboxMessage m where m.aggregateId = :id and m.sentAt is not null", Long.class)
                .setParameter("id", placed).getSingleResult()) == 1L);
    }

    /**
     * Issue 15: the fallback poll runs every 10 s when nothing is wrong, but a wake-up that found another replica's
     * relay holding the lock is retried at the 1 s poll, so the row leaves soon after the lock is free.
     */
    @Test
    void anEventWhoseWakeUpFoundAnotherRelayBusyLeavesAtTheShortPollNotTheIdleOne() throws Exception {
        assertEquals(Duration.ofSeconds(10), config.idlePollInterval(), "the idle poll this test tells apart");
        String aggregate = "busy-relay-" + UUID.randomUUID();
        UUID eventId;
        try (HeldRelayLock otherRelay = HeldRelayLock.take(em)) {
            eventId = QuarkusTransaction.requiringNew().call(() -> outbox.publish("order-events", "Order", aggregate,
                    EventType.of("order", "OrderPlaced", 1), Map.of("orderId", aggregate)));
            Thread.sleep(1500); // the commit's wake-up and a short poll or two find the lock taken
            assertNull(message(eventId).sentAt, "nothing leaves while another relay holds the lock");
        }
        long released = System.nanoTime();
        await().atMost(Duration.ofSeconds(4)).pollInterval(Duration.ofMillis(100))
                .until(() -> message(eventId).sentAt != null);
        assertTrue(Duration.ofNanos(System.nanoTime() - released).compareTo(Duration.ofSeconds(3)) < 0,
                "sent within the short poll of the lock's release, not at the idle poll");
        assertEquals(1, TestKafka.awaitRecords("order-events", r -> aggregate.equals(r.key()), 1,
                Duration.ofSeconds(10)).size());
    }

    /**
     * Issue 15: a row whose commit wake-up was lost (written here with plain SQL, so no wake-up is fired) still leaves,
     * at the idle fallback poll: the relay thread's own timer, set at the end of every drain.
     */
    @Test
    void anEventWhoseWakeUpWasLostLeavesAtTheIdlePoll() {
        String aggregate = "lost-wake-up-" + UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO outbox (event_id, topic, aggregate_type, aggregate_id, event_type, payload, occurred_at)
                VALUES (?1, 'order-events', 'Order', ?2, ?3, ?4, now())""")
                .setParameter(1, eventId)
                .setParameter(2, aggregate)
                .setParameter(3, EventType.of("order", "OrderPlaced", 1).ceType())
                .setParameter(4, "{\"orderId\":\"" + aggregate + "\"}")
                .executeUpdate());
        await().atMost(config.idlePollInterval().plusSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> message(eventId).sentAt != null);
        assertEquals(1, TestKafka.awaitRecords("order-events", r -> aggregate.equals(r.key()), 1,
                Duration.ofSeconds(10)).size());
    }

    private OutboxMessage message(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m from OutboxMessage m where m.eventId = :id", OutboxMessage.class)
                .setParameter("id", eventId).getResultStream().findFirst().orElse(null));
    }
}
