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
 * the account; returned when a confirmed order is cancelled or comes back from delivery, when the earned ones are
 * taken back too; the unspent remainder of an earning expires ({@link BonusExpiryScanner}). Every change of a balance
 * is a ledger entry.
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
        checkSpend(order, points, balance(order.customerId));
        order.bonusPoints = points;
        history.record(order.id, actor, Kind.DISCOUNT, null, null, "R11: " + points + " bonus points to spend",
                new Spend(points, order.payableKopecks()));
        em.flush();
        return order;
    }

    /**
     * R11: a storefront order spends points at intake: the same cap and balance as a phone order, the balance read
     * under the account's row lock (as at confirmation, which follows at once when the buyer agreed every term), so
     * two orders sent at once cannot both count on the same points. A refusal rolls the whole intake back.
     */
    void spendAtIntake(Order order, long points) {
        if (points == 0) {
            return;
        }
        BonusAccount a = em.find(BonusAccount.class, order.customerId, LockModeType.PESSIMISTIC_WRITE);
        checkSpend(order, points, a == null ? 0L : a.balancePoints);
        order.bonusPoints = points;
    }

    /** R11: at most the cap after the discount, at most the balance; each refusal a 422 naming the limit. */
    private void checkSpend(Order order, long points, long balance) {
        long cap = cap(order);
        if (points > cap) {
            throw refused("R11: at most " + config.maxSharePercent() + "% of the amount after the discount ("
                    + cap + " points) may be paid with points").with("maxPoints", cap);
        }
        if (points > balance) {
            throw refused("R11: the customer has " + balance + " points").with("balancePoints", balance);
        }
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
        giveBackSpent(order);
    }

    /**
     * R11: the shipment of the order came back (fulfillment-service's ShipmentReturned): the points it spent are
     * given back (RETURNED, as for a cancellation) and then the points it earned are taken back (REVOKED), as many
     * as the balance holds: what the customer spent meanwhile cannot be taken and is recorded as the shortfall. Each
     * once per order (UNIQUE (order_id, kind)), so a redelivered event changes nothing. Unknown orders are ignored.
     *
     * @return the REVOKED entry written now, or null
     */
    public BonusEntry takeBackOnReturn(UUID orderId, String shipmentId) {
        Order order = em.find(Order.class, orderId);
        if (order == null) {
            return null;
        }
        long givenBack = giveBackSpent(order);
        BonusEntry earned = entryOf(order.id, BonusEntry.Kind.EARNED);
        BonusEntry revoked = null;
        if (earned != null && entryOf(order.id, BonusEntry.Kind.REVOKED) == null) {
            BonusEntry expired = entryOf(order.id, BonusEntry.Kind.EXPIRED);
            long due = earned.points - (expired == null ? 0 : expired.points); // expired points are gone already
            BonusAccount a = lockedAccount(order.customerId);
            long taken = Math.min(due, a.balancePoints); // R11: the balance never goes below zero
            a.balancePoints -= taken;
            revoked = entry(order, BonusEntry.Kind.REVOKED, taken);
            revoked.shortfallPoints = due - taken;
        }
        if (givenBack > 0 || revoked != null) {
            history.record(order.id, "fulfillment-service", Kind.DISCOUNT, null, null, "R11: shipment " + shipmentId
                    + " returned: spent points given back, earned points taken back", new Returned(givenBack,
                            revoked == null ? 0 : revoked.points, revoked == null ? 0 : revoked.shortfallPoints));
        }
        em.flush();
        return revoked;
    }

    /** R11: the points debited at confirmation, given back once per order (cancellation or return); how many now. */
    private long giveBackSpent(Order order) {
        BonusEntry spent = entryOf(order.id, BonusEntry.Kind.SPENT);
        if (spent == null || entryOf(order.id, BonusEntry.Kind.RETURNED) != null) {
            return 0;
        }
        lockedAccount(order.customerId).balancePoints += spent.points;
        entry(order, BonusEntry.Kind.RETURNED, spent.points);
        return spent.points;
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

    private BonusEntry entry(Order order, BonusEntry.Kind kind, long points) {
        BonusEntry e = new BonusEntry();
        e.customerId = order.customerId;
        e.orderId = order.id;
        e.kind = kind;
        e.points = points;
        e.at = OffsetDateTime.now(clock);
        em.persist(e);
        return e;
    }

    private static ProblemException refused(String detail) {
        return new ProblemException(ProblemType.UNPROCESSABLE, detail,
                List.of(new Problem.FieldError("points", detail)));
    }

    record Spend(long points, long payableKopecks) {
    }

    record Returned(long givenBackPoints, long takenBackPoints, long shortfallPoints) {
    }
}
