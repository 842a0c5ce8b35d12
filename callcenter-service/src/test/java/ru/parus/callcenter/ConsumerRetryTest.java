package ru.parus.callcenter;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import ru.parus.infra.test.TestKafka;

/**
 * A consumer that fails for a reason that passes (the database away, a race with another consumer) retries the
 * record in a new transaction instead of sending a good event to the dead-letter topic (platform's
 * {@code @RetryTransientFailures}); found by the fault test, where a new customer's first OrderPlaced was dead-lettered.
 */
@QuarkusTest
class ConsumerRetryTest {
    static final String ORDER_DLQ = "order-events.callcenter-service.dlq";
    static final String CUSTOMER_DLQ = "customer-events.callcenter-service.dlq";

    @Inject
    EntityManager em;

    @Test
    void R16_aNewCustomersRegistrationAndFirstOrderArrivingTogetherAreBothKept() throws Exception {
        int customers = 20;
        List<String> ids = new ArrayList<>();
        Set<String> eventIds = new HashSet<>();
        List<Runnable> sends = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            String customerId = Events.id();
            ids.add(customerId);
            ObjectNode registered = Events.example("CustomerRegistered");
            registered.put("customerId", customerId);
            registered.put("ownerManagerId", "manager-race");
            ObjectNode order = Events.example("OrderPlaced");
            order.put("orderId", Events.id());
            order.put("customerId", customerId);
            order.put("channel", "WATTN");
            order.put("placedAt", "2026-11-20T12:00:00Z");
            String registeredId = Events.id();
            String orderEventId = Events.id();
            eventIds.add(registeredId);
            eventIds.add(orderEventId);
            sends.add(unchecked(() -> Events.send("customer-events", customerId, "customer", "CustomerRegistered",
                    registeredId, registered)));
            sends.add(unchecked(() -> Events.send("order-events", order.get("orderId").asText(), "order", "OrderPlaced",
                    orderEventId, order)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> sent = new ArrayList<>();
            sends.forEach(s -> sent.add(pool.submit(s)));
            for (Future<?> f : sent) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        // both facts on every row: neither consumer's write was lost to the other's
        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("""
                        SELECT count(*) FROM customer_projection WHERE customer_id IN (?1)
                          AND owner_manager_id = 'manager-race' AND last_storefront = 'WATTN'
                          AND last_order_at = '2026-11-20T12:00:00Z'""")
                        .setParameter(1, ids.stream().map(java.util.UUID::fromString).toList())
                        .getSingleResult()).intValue() == customers));
        Set<String> deadLettered = deadLetteredIds(ORDER_DLQ);
        deadLettered.addAll(deadLetteredIds(CUSTOMER_DLQ));
        deadLettered.retainAll(eventIds);
        assertEquals(Set.of(), deadLettered, "good events sent to a dead-letter topic");
    }

    @Test
    void R16_anOrderArrivingWhileTheDatabaseFailsIsRetriedNotDeadLettered() throws Exception {
        String customerId = Events.registerCustomer(Events.id(), "manager-retry");
        Events.awaitRow(em, "customer_projection", "customer_id", customerId);
        double retriesBefore = retries();

        // the projection table away: every attempt fails with 42P01 until it is back
        sql("ALTER TABLE customer_projection RENAME TO customer_projection_away");
        String eventId = Events.id();
        try {
            ObjectNode order = Events.example("OrderPlaced");
            order.put("orderId", Events.id());
            order.put("customerId", customerId);
            order.put("channel", "LACTOMIN");
            order.put("placedAt", "2026-11-21T09:30:00Z");
            Events.send("order-events", order.get("orderId").asText(), "order", "OrderPlaced", eventId, order);
            await().atMost(Duration.ofSeconds(30)).until(() -> retries() > retriesBefore);
        } finally {
            sql("ALTER TABLE customer_projection_away RENAME TO customer_projection");
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("""
                        SELECT count(*) FROM customer_projection WHERE customer_id = CAST(?1 AS uuid)
                          AND last_storefront = 'LACTOMIN' AND last_order_at = '2026-11-21T09:30:00Z'""")
                        .setParameter(1, customerId).getSingleResult()).intValue() == 1));
        assertTrue(!deadLetteredIds(ORDER_DLQ).contains(eventId), "the order event was dead-lettered");
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }

    /** parus_consumer_retries_total of callcenter's order-events consumer, 0 before the first retry. */
    private static double retries() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(l -> l.startsWith("parus_consumer_retries_total{") && l.contains("consumer=\"callcenter-service.order-events\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf('}') + 1).strip().split(" ")[0]))
                .sum();
    }

    /** The ce_ids on a dead-letter topic; none if nothing was ever dead-lettered there. */
    private static Set<String> deadLetteredIds(String topic) {
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<String, String> r : TestKafka.readAll(topic)) {
            ids.add(TestKafka.header(r, "ce_id"));
        }
        return ids;
    }

    private interface Send {
        void run() throws Exception;
    }

    private static Runnable unchecked(Send send) {
        return () -> {
            try {
                send.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
