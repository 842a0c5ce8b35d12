package ru.parus.order.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgException;
import ru.parus.order.domain.Order;
import ru.parus.order.domain.Product;
import ru.parus.order.event.OrderEvents;
import ru.parus.order.event.OrderPlaced;
import ru.parus.order.repository.PlacementStore;
import ru.parus.order.repository.PlacementStore.OwnerFacts;
import ru.parus.order.service.OrderService.PlaceOrder;
import ru.parus.order.service.OrderService.Placement;
import ru.parus.platform.access.CustomerAccess;
import ru.parus.platform.outbox.Outbox;
import ru.parus.platform.outbox.OutboxRelayTrigger;
import ru.parus.platform.scan.ScanPacing;
import ru.parus.platform.security.CurrentStaff;

/**
 * Places a phone order (R3): the caller must be allowed to act on the customer (R24, R22), an idempotency key places at
 * most one order, lines are priced from the catalogue only ({@link OrderService}'s rules), and the order, its lines,
 * its history entry (R6) and its OrderPlaced event commit together. It runs on the event loop through the reactive
 * PostgreSQL client (issue 15): the three reads go out at once, then the four inserts, then the commit; no Hibernate
 * session, no JTA transaction, no worker thread. The deputyship read goes out even when the owner alone decides: it
 * rides in the same round trip, where waiting for the owner first would add one. A request whose key an earlier order
 * holds fails with {@link EarlierOrder}: the caller answers it with {@link OrderService#replayOf}, which compares the
 * requests.
 */
@ApplicationScoped
public class ReactivePlacement {
    private static final String UNIQUE_VIOLATION = "23505";

    @Inject
    Pool pool;
    @Inject
    OrderService orders;
    @Inject
    OrderHistory history;
    @Inject
    Outbox outbox;
    @Inject
    OutboxRelayTrigger relay;
    @Inject
    ScanPacing pacing;
    @Inject
    CustomerAccess access;
    @Inject
    CurrentStaff staff;
    @Inject
    Clock clock;

    /** The idempotency key belongs to an earlier order (R3): nothing was placed; replay that order instead. */
    public static final class EarlierOrder extends RuntimeException {
        EarlierOrder() {
            super("the idempotency key belongs to an earlier order", null, false, false);
        }
    }

    public Uni<Placement> place(PlaceOrder request, String managerId, String idempotencyKey) {
        Boolean mayActByRole = access.decidedByRole(); // read here: the request's identity, before the first await
        String staffId = staff.id();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Integer> quantities = OrderService.mergeBySku(request.lines());
        return pool.withTransaction(db -> Uni.combine().all()
                        .unis(ownerFacts(db, mayActByRole, request.customerId(), staffId, now),
                                idempotencyKey == null ? Uni.createFrom().item(false)
                                        : PlacementStore.keyTaken(db, idempotencyKey),
                                PlacementStore.forPricing(db, quantities.keySet()))
                        .asTuple()
                        .chain(reads -> {
                            checkAccess(mayActByRole, reads.getItem1(), request.customerId()); // R24, R22: a 403
                            if (reads.getItem2()) {
                                throw new EarlierOrder();
                            }
                            return insert(db, request, managerId, idempotencyKey, quantities, reads.getItem3());
                        }))
                .invoke(() -> {
                    relay.wake(); // committed: the relay sends OrderPlaced now, not at its next poll
                    pacing.changed(); // and the scans (R15, R25) look at its due times at their next tick
                })
                .map(order -> new Placement(order, false))
                .onFailure(e -> idempotencyKey != null && isUniqueViolation(e))
                .transform(e -> new EarlierOrder()); // a concurrent request with the same key committed first
    }

    private Uni<OwnerFacts> ownerFacts(SqlConnection db, Boolean mayActByRole, UUID customerId, String staffId,
            OffsetDateTime now) {
        return mayActByRole == null ? PlacementStore.ownerFacts(db, customerId, staffId, now)
                : Uni.createFrom().nullItem();
    }

    private void checkAccess(Boolean mayActByRole, OwnerFacts facts, UUID customerId) {
        boolean mayAct = mayActByRole != null ? mayActByRole
                : access.managerMayAct(facts.owner().managerId(), facts::covered);
        if (!mayAct) {
            throw CustomerAccess.forbidden(customerId);
        }
    }

    private Uni<Order> insert(SqlConnection db, PlaceOrder request, String managerId, String idempotencyKey,
            Map<String, Integer> quantities, Map<String, Product> catalogue) {
        orders.checkOrderable(request.lines(), quantities, catalogue); // R3: a 422 for what cannot be ordered
        Order order = orders.newPhoneOrder(request, managerId, idempotencyKey, OrderService.hash(request), quantities,
                catalogue);
        return PlacementStore.insert(db, order, history.placedEntry(order, managerId),
                outbox.message(OrderEvents.TOPIC, OrderEvents.AGGREGATE, order.id, OrderEvents.PLACED,
                        OrderPlaced.of(order)))
                .replaceWith(order);
    }

    private static boolean isUniqueViolation(Throwable e) {
        return e instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
    }
}
