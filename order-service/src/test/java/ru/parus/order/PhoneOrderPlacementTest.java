package ru.parus.order;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import ru.parus.order.domain.Order;
import ru.parus.order.domain.OrderHistoryEntry;
import ru.parus.platform.outbox.OutboxMessage;

/**
 * Phone orders are placed through the reactive PostgreSQL client, beside Hibernate (issue 15): what it writes must be
 * what the rest of the service reads through Hibernate (PlacementStore), and R3's idempotency key must hold under
 * concurrent retries. OrderLifecycleTest's R6 history test covers the order of a placed order's history entries.
 */
@QuarkusTest
class PhoneOrderPlacementTest {
    @Inject
    EntityManager em;

    @Test
    void R3_R6_aPlacedOrderReadsBackThroughHibernateWithItsLinesHistoryAndEvent() {
        UUID customer = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Response placed = OrderApiTest.place(OrderApiTest.order(customer), key).statusCode(201)
                .header("ETag", equalTo("\"0\"")).extract().response();
        UUID id = UUID.fromString(placed.path("id"));

        QuarkusTransaction.requiringNew().run(() -> {
            Order order = em.find(Order.class, id);
            assertEquals(customer, order.customerId);
            assertEquals("PHONE", order.channel.name());
            assertEquals("NEW", order.status.name());
            assertEquals("manager-1", order.managerId);
            assertEquals("RUB", order.currency);
            assertEquals(549000L, order.totalKopecks);
            assertEquals(549000L, order.payableKopecks());
            assertEquals(key, order.idempotencyKey);
            assertEquals(64, order.requestHash.length());
            assertEquals(0L, order.version);
            assertEquals(0, BigDecimal.ZERO.compareTo(order.discountPercent));
            assertEquals(0L, order.bonusPoints);
            Duration apart = Duration.between(OffsetDateTime.parse(placed.path("placedAt")), order.placedAt).abs();
            assertTrue(apart.toMillis() < 1, "placedAt as answered (the column keeps microseconds): " + apart);
            assertEquals(2, order.lines.size());
            assertEquals("WHEY-CHOC-900", order.lines.get(0).sku);
            assertEquals(1, order.lines.get(0).lineNo);
            assertEquals(2, order.lines.get(0).quantity);
            assertEquals(249000L, order.lines.get(0).unitPriceKopecks);
            assertEquals(498000L, order.lines.get(0).lineTotalKopecks);
            assertEquals("CREA-MONO-300", order.lines.get(1).sku);
            assertEquals(2, order.lines.get(1).lineNo);

            long storedPayable = ((Number) em.createNativeQuery(
                    "SELECT payable_kopecks FROM customer_order WHERE id = ?1").setParameter(1, id).getSingleResult())
                    .longValue();
            assertEquals(549000L, storedPayable, "payable_kopecks is what the R15 scan reads");

            List<OrderHistoryEntry> history = em.createQuery(
                    "from OrderHistoryEntry where orderId = ?1", OrderHistoryEntry.class).setParameter(1, id)
                    .getResultList();
            assertEquals(1, history.size());
            assertEquals(OrderHistoryEntry.Kind.PLACED, history.get(0).kind);
            assertEquals("manager-1", history.get(0).actor);
            assertNull(history.get(0).fromStatus);
            assertEquals("NEW", history.get(0).toStatus.name());
            assertTrue(history.get(0).details.contains("\"totalKopecks\":549000"), history.get(0).details);
            assertTrue(history.get(0).tx != null && history.get(0).tx > 0, "the row records its transaction (V60)");

            List<OutboxMessage> events = em.createQuery("from OutboxMessage where aggregateId = ?1",
                    OutboxMessage.class).setParameter(1, id.toString()).getResultList();
            assertEquals(1, events.size());
            assertEquals("order-events", events.get(0).topic);
            assertEquals("Order", events.get(0).aggregateType);
            assertTrue(events.get(0).eventType.endsWith("OrderPlaced.v1"), events.get(0).eventType);
            assertTrue(events.get(0).payload.contains("\"orderId\":\"" + id + "\""), events.get(0).payload);
        });
    }

    @Test
    void R3_concurrentRetriesWithOneKeyPlaceOneOrderAndAllAnswerIt() throws Exception {
        UUID customer = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        int retries = 8;
        ExecutorService clients = Executors.newFixedThreadPool(retries);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < retries; i++) {
                calls.add(() -> OrderApiTest.place(OrderApiTest.order(customer), key).extract().response());
            }
            Set<String> ids = new HashSet<>();
            int replayed = 0;
            for (Future<Response> f : clients.invokeAll(calls)) {
                Response r = f.get();
                assertEquals(201, r.statusCode(), r.asString());
                ids.add(r.path("id"));
                replayed += "true".equals(r.header("Idempotent-Replayed")) ? 1 : 0;
            }
            assertEquals(1, ids.size(), "every retry answers the one order");
            assertEquals(retries - 1, replayed, "all but the first are replays");
        } finally {
            clients.shutdownNow();
        }
        long orders = QuarkusTransaction.requiringNew().call(() -> (Long) em.createQuery(
                "select count(o) from Order o where o.customerId = ?1").setParameter(1, customer).getSingleResult());
        assertEquals(1, orders);
    }
}
