package ru.parus.callcenter;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import ru.parus.infra.test.TestKafka;
import ru.parus.platform.testing.EventSchemas;

/** Test input built from the producers' schema examples, sent to the real broker as the other services would. */
final class Events {
    static final ObjectMapper JSON = new ObjectMapper();

    private Events() {
    }

    /** The first example of {@code docs/events/<name>.v1.schema.json}, to be changed per test. */
    static ObjectNode example(String name) {
        return EventSchemas.example(name + ".v1");
    }

    static String ceType(String context, String name) {
        return "ru.parus." + context + "." + name + ".v1";
    }

    /** Sends {@code payload} with the given event id; checks first that it still obeys the producer's schema. */
    static void send(String topic, String key, String context, String name, String eventId, ObjectNode payload) throws Exception {
        TestKafka.send(topic, key, EventSchemas.checked(name + ".v1", payload),
                TestKafka.cloudEventHeaders(eventId, ceType(context, name)));
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    static String registerCustomer(String customerId, String owner) throws Exception {
        ObjectNode e = example("CustomerRegistered");
        e.put("customerId", customerId);
        e.put("ownerManagerId", owner);
        send("customer-events", customerId, "customer", "CustomerRegistered", id(), e);
        return customerId;
    }

    /** Waits until this service's projection holds the row: events of different topics are not ordered. */
    static void awaitRow(EntityManager em, String table, String column, String id) {
        await().atMost(Duration.ofSeconds(15)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("SELECT count(*) FROM " + table + " WHERE " + column + " = ?1")
                        .setParameter(1, UUID.fromString(id)).getSingleResult()).intValue() == 1));
    }

    /** The records on callcenter-events of one type whose payload names the task. */
    static List<ConsumerRecord<String, String>> published(String type, String taskId, int atLeast, Duration wait) {
        return TestKafka.awaitRecords("callcenter-events",
                r -> ceType("callcenter", type).equals(TestKafka.header(r, "ce_type")) && r.value().contains(taskId),
                atLeast, wait);
    }
}
