package ru.parus.order.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;
import ru.parus.order.config.OrderConfig;
import ru.parus.order.domain.Order;
import ru.parus.order.domain.OrderHistoryEntry;
import ru.parus.order.event.OrderEvents;
import ru.parus.order.event.OrderPaymentOverdue;
import ru.parus.platform.outbox.Outbox;

/**
 * R15: an ONLINE order still unpaid {@code parus.order.payment-overdue-after} (2 days) after placement
 * publishes OrderPaymentOverdue once. Safe with several replicas: one scan acts at a time (advisory
 * lock), and the set-based {@code UPDATE ... WHERE overdue_published_at IS NULL ... RETURNING} claims
 * each order once, in the same transaction as the outbox rows.
 */
@ApplicationScoped
public class PaymentOverdueScanner {
    /** Advisory lock key of this scan, unique in the orders database ("overdue"). */
    static final long SCAN_LOCK = 0x6f76657264756510L;

    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    OrderConfig config;
    @Inject
    Clock clock;
    @Inject
    OrderHistory history;

    @Scheduled(every = "${parus.order.payment-overdue-scan-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "payment-overdue-scan", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        scan();
    }

    /** R15: publishes OrderPaymentOverdue for every order that became overdue; returns how many. */
    @Transactional
    public int scan() {
        boolean leader = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, SCAN_LOCK).getSingleResult();
        if (!leader) {
            return 0; // another replica is scanning now
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        @SuppressWarnings("unchecked")
        List<String> claimed = em.createNativeQuery("""
                UPDATE customer_order SET overdue_published_at = ?1
                WHERE payment_method = 'ONLINE' AND paid_at IS NULL AND overdue_published_at IS NULL
                  AND status IN ('NEW', 'AWAITING_PAYMENT') AND placed_at <= ?2
                RETURNING CAST(id AS text)""")
                .setParameter(1, now)
                .setParameter(2, now.minus(config.paymentOverdueAfter()))
                .getResultList();
        if (claimed.isEmpty()) {
            return 0;
        }
        List<Order> due = em.createQuery("select o from Order o where o.id in :ids", Order.class)
                .setParameter("ids", claimed.stream().map(UUID::fromString).toList()).getResultList();
        for (Order o : due) {
            outbox.publish(OrderEvents.TOPIC, OrderEvents.AGGREGATE, o.id, OrderEvents.PAYMENT_OVERDUE,
                    new OrderPaymentOverdue(o.id, o.customerId, o.managerId, o.channel.name(), o.placedAt,
                            o.placedAt.plus(config.paymentOverdueAfter()), o.payableKopecks(), o.currency, null));
            history.record(o.id, "payment-overdue-scan", OrderHistoryEntry.Kind.PAYMENT_OVERDUE, null, null,
                    "R15: unpaid " + config.paymentOverdueAfter() + " after placement; OrderPaymentOverdue published", null);
        }
        return due.size();
    }
}
