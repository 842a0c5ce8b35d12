package ru.parus.order.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import ru.parus.order.repository.BonusRepository;
import ru.parus.order.config.BonusConfig;
import ru.parus.order.domain.BonusAccount;
import ru.parus.order.domain.BonusEntry;
import ru.parus.order.domain.Order;
import ru.parus.order.domain.OrderHistoryEntry.Kind;
import ru.parus.platform.problem.Problem;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;

/**
 * R11: bonus points, 1 point = 1 kopeck. Earned when an order is paid; spent on an order while it is NEW (the
 * discount first, then points on the rest, at most a share of it); debited at confirmation under a row lock on
 * the account; returned when a confirmed order is cancelled. Every change of a balance is a ledger entry.
 */
@ApplicationScoped
@Transactional
public class BonusService {
    @Inject
    EntityManager em;
    @Inject
    BonusRepository bonuses;
    @Inject
    OrderLifecycle lifecycle;
    @Inject
    OrderHistory history;
    @Inject
    BonusConfig config;
    @Inject
    Clock clock;
    @Inject
    OrderAccess access;

    public record Statement(UUID customerId, long balancePoints, List<BonusEntry> ledger) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Statement statement(UUID customerId) {
        access.checkCustomer(customerId); // R24, R22: another manager's customer is a 403
        BonusAccount a = em.find(BonusAccount.class, customerId);
        List<BonusEntry> ledger = bonuses.ledger(customerId);
        return new Statement(customerId, a == null ? 0L : a.balancePoints, ledger);
    }

    /** R11: the most points the order may take: max-share-percent of the amount after the discount, rounded down. */
    public long cap(Order order) {
        return Math.multiplyExact(order.afterDiscountKopecks(), (long) config.maxSharePercent()) / 100;
    }

    /** R11: sets the points the order spends (replacing an earlier spend); 0 removes them. */
    public Order spend(UUID orderId, long points, String actor) {
        if (points < 0) {
            throw ProblemException.invalidField("points", "0 or more");
        }
        Order order = lifecycle.load(orderId, null);
        if (!order.acceptsLineChanges()) {
            throw new ProblemException(ProblemType.CONFLICT, "R11: points are spent before confirmation; the order is "
                    + order.status).with("currentStatus", order.status.name());
        }
        long cap = cap(order);
        if (points > cap) {
            throw refused("R11: at most " + config.maxSharePercent() + "% of the amount after the discount ("
                    + cap + " points) may be paid with points").with("maxPoints", cap);
        }
        long balance = balance(order.customerId);
        if (points > balance) {
            throw refused("R11: the customer has " + balance + " points").with("balancePoints", balance);
        }
        order.bonusPoints = points;
        history.record(order.id, actor, Kind.DISCOUNT, null, null, "R11: " + points + " bonus points to spend",
                new Spend(points, order.payableKopecks()));
        em.flush();
        return order;
    }

    /**
     * R11: at confirmation the points are debited; the balance is re-checked under a row lock so that two open
     * orders cannot spend the same points twice, and the cap again (the discount may have changed since).
     */
    void debitOnConfirmation(Order order) {
        if (order.bonusPoints == 0) {
            return;
        }
        long cap = cap(order);
        if (order.bonusPoints > cap) {
            throw refused("R11: the order spends " + order.bonusPoints + " points, above the cap of " + cap
                    + " after the discount changed; spend again").with("maxPoints", cap);
        }
        BonusAccount a = em.find(BonusAccount.class, order.customerId, LockModeType.PESSIMISTIC_WRITE);
        long balance = a == null ? 0L : a.balancePoints;
        if (order.bonusPoints > balance) {
            throw refused("R11: the order spends " + order.bonusPoints + " points, the customer has " + balance
                    + " now (spent on another order?)").with("balancePoints", balance);
        }
        a.balancePoints -= order.bonusPoints;
        entry(order, BonusEntry.Kind.SPENT, order.bonusPoints);
    }

    /** R11: a cancelled order gives back the points debited at its confirmation. */
    void returnOnCancellation(Order order) {
        BonusEntry spent = entryOf(order.id, BonusEntry.Kind.SPENT);
        if (spent == null || entryOf(order.id, BonusEntry.Kind.RETURNED) != null) {
            return;
        }
        lockedAccount(order.customerId).balancePoints += spent.points;
        entry(order, BonusEntry.Kind.RETURNED, spent.points);
    }

    /** R11: earn-percent of the paid payable amount, rounded down; once per order. */
    void earnOnPayment(Order order) {
        if (entryOf(order.id, BonusEntry.Kind.EARNED) != null) {
            return;
        }
        long points = Math.multiplyExact(order.payableKopecks(), (long) config.earnPercent()) / 100;
        if (points <= 0) {
            return;
        }
        lockedAccount(order.customerId).balancePoints += points;
        entry(order, BonusEntry.Kind.EARNED, points);
    }

    private long balance(UUID customerId) {
        BonusAccount a = em.find(BonusAccount.class, customerId);
        return a == null ? 0L : a.balancePoints;
    }

    private BonusAccount lockedAccount(UUID customerId) {
        bonuses.ensureAccount(customerId);
        BonusAccount a = em.find(BonusAccount.class, customerId, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(a);
        return a;
    }

    private BonusEntry entryOf(UUID orderId, BonusEntry.Kind kind) {
        return bonuses.entryOf(orderId, kind);
    }

    private void entry(Order order, BonusEntry.Kind kind, long points) {
        BonusEntry e = new BonusEntry();
        e.customerId = order.customerId;
        e.orderId = order.id;
        e.kind = kind;
        e.points = points;
        e.at = OffsetDateTime.now(clock);
        em.persist(e);
    }

    private static ProblemException refused(String detail) {
        return new ProblemException(ProblemType.UNPROCESSABLE, detail,
                List.of(new Problem.FieldError("points", detail)));
    }

    record Spend(long points, long payableKopecks) {
    }
}
