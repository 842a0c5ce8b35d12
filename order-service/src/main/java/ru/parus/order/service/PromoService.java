package ru.parus.order.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import ru.parus.order.repository.PromoRepository;
import ru.parus.order.domain.Channel;
import ru.parus.order.domain.Order;
import ru.parus.order.domain.OrderHistoryEntry.Kind;
import ru.parus.order.domain.PromoCode;
import ru.parus.order.domain.PromoRedemption;
import ru.parus.order.event.PromoEvents;
import ru.parus.platform.outbox.Outbox;
import ru.parus.platform.problem.Problem;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;

/**
 * R11: promo codes. Combination with the manager's discount (R9, R10): the order gets the larger of the two,
 * never their sum, so a promo code cannot lift the manager's discount past the ladder. One code per order;
 * a code counts as used when applied to an order, and a cancelled order gives its use back. Creating and changing a
 * code, a use and a use given back are published on order-events (PromoEvents, key = the code).
 */
@ApplicationScoped
@Transactional
public class PromoService {
    @Inject
    EntityManager em;
    @Inject
    PromoRepository promos;
    @Inject
    OrderLifecycle lifecycle;
    @Inject
    OrderHistory history;
    @Inject
    Clock clock;
    @Inject
    Outbox outbox;

    public record NewCode(String code, PromoCode.Kind kind, BigDecimal percent, Long amountKopecks,
            OffsetDateTime validFrom, OffsetDateTime validTo, long minTotalKopecks, int perCustomerLimit,
            int totalLimit, Channel channel) {
    }

    public PromoCode create(NewCode c, String actor) {
        String code = c.code().trim().toUpperCase(Locale.ROOT);
        if (c.kind() == PromoCode.Kind.PERCENT) {
            if (c.percent() == null || c.amountKopecks() != null) {
                throw ProblemException.invalidField("percent", "a PERCENT code has a percent and no amountKopecks");
            }
            DiscountService.checkPercent(c.percent());
            if (c.percent().signum() == 0) {
                throw ProblemException.invalidField("percent", "above 0");
            }
        } else if (c.amountKopecks() == null || c.amountKopecks() <= 0 || c.percent() != null) {
            throw ProblemException.invalidField("amountKopecks", "a FIXED code has amountKopecks > 0 and no percent");
        }
        if (!c.validTo().isAfter(c.validFrom())) {
            throw ProblemException.invalidField("validTo", "after validFrom");
        }
        if (em.find(PromoCode.class, code) != null) {
            throw new ProblemException(ProblemType.CONFLICT, "Promo code " + code + " exists").with("code", code);
        }
        PromoCode p = new PromoCode();
        p.code = code;
        p.kind = c.kind();
        p.percent = c.percent();
        p.amountKopecks = c.amountKopecks();
        new Change(c.validFrom(), c.validTo(), c.minTotalKopecks(), c.perCustomerLimit(), c.totalLimit(), c.channel())
                .applyTo(p);
        p.createdBy = actor;
        p.createdAt = OffsetDateTime.now(clock);
        em.persist(p);
        em.flush(); // the version the event carries
        publish(PromoEvents.CREATED, p.code, PromoEvents.PromoCodeTerms.of(p, actor, p.createdAt));
        return p;
    }

    /** What management may change of a code; its kind and money stay (orders copied them), a new code changes those. */
    public record Change(OffsetDateTime validFrom, OffsetDateTime validTo, long minTotalKopecks, int perCustomerLimit,
            int totalLimit, Channel channel) {
        /** The terms a new code starts with and a change replaces. */
        void applyTo(PromoCode p) {
            p.validFrom = validFrom;
            p.validTo = validTo;
            p.minTotalKopecks = minTotalKopecks;
            p.perCustomerLimit = perCustomerLimit;
            p.totalLimit = totalLimit;
            p.channel = channel;
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PromoCode get(String rawCode) {
        PromoCode p = em.find(PromoCode.class, rawCode.trim().toUpperCase(Locale.ROOT));
        if (p == null) {
            throw ProblemException.notFound("Promo code", rawCode);
        }
        return p;
    }

    /**
     * R11: changes a code's validity, minimum total, limits or channel at the version the head read (412 when stale);
     * publishes PromoCodeChanged. Limits below today's uses are allowed: the code is then used up.
     */
    public PromoCode change(String rawCode, Change c, long expectedVersion, String actor) {
        PromoCode p = get(rawCode);
        if (p.version != expectedVersion) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "The promo code is at version " + p.version
                    + ", you sent If-Match " + expectedVersion + "; reload it and try again")
                    .with("currentVersion", p.version);
        }
        if (!c.validTo().isAfter(c.validFrom())) {
            throw ProblemException.invalidField("validTo", "after validFrom");
        }
        c.applyTo(p);
        p.changedBy = actor;
        p.changedAt = OffsetDateTime.now(clock);
        em.flush(); // bumps the version
        publish(PromoEvents.CHANGED, p.code, PromoEvents.PromoCodeTerms.of(p, actor, p.changedAt));
        return p;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PromoCode> all() {
        return promos.all();
    }

    /** R11: applies a code to an order not yet confirmed; every condition of the code is checked here. */
    public Order apply(UUID orderId, String rawCode, String actor) {
        Order order = lifecycle.load(orderId, null);
        if (!order.acceptsLineChanges()) {
            throw new ProblemException(ProblemType.CONFLICT, "R11: the discount is fixed once the order is "
                    + order.status).with("currentStatus", order.status.name());
        }
        if (order.promoCode != null) {
            throw new ProblemException(ProblemType.CONFLICT, "R11: one promo code per order; " + order.promoCode
                    + " is applied").with("promoCode", order.promoCode);
        }
        String code = rawCode.trim().toUpperCase(Locale.ROOT);
        // locked: concurrent uses of the last redemption are serialised (total limit)
        PromoCode p = em.find(PromoCode.class, code, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw refused("code", "no such promo code");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (now.isBefore(p.validFrom) || !now.isBefore(p.validTo)) {
            throw refused("code", "valid from " + p.validFrom + " to " + p.validTo);
        }
        if (p.channel != null && p.channel != order.channel) {
            throw refused("code", "for " + p.channel + " orders only");
        }
        if (order.totalKopecks < p.minTotalKopecks) {
            throw refused("code", "for orders of at least " + p.minTotalKopecks + " kopecks");
        }
        long used = promos.redemptions(code);
        if (used >= p.totalLimit) {
            throw refused("code", "used up (" + p.totalLimit + " uses)");
        }
        long byCustomer = promos.redemptions(code, order.customerId);
        if (byCustomer >= p.perCustomerLimit) {
            throw refused("code", "this customer has used it " + byCustomer + " time(s), the limit");
        }
        PromoRedemption r = new PromoRedemption();
        r.orderId = order.id;
        r.code = code;
        r.customerId = order.customerId;
        r.appliedBy = actor;
        r.appliedAt = now;
        em.persist(r);
        order.promoCode = code;
        order.promoPercent = p.percent;
        order.promoAmountKopecks = p.amountKopecks;
        history.record(order.id, actor, Kind.DISCOUNT, null, null, "R11: promo code " + code + " applied",
                new Promo(code, order.promoKopecks(), order.managerDiscountKopecks(), order.discountKopecks()));
        publish(PromoEvents.REDEEMED, code, new PromoEvents.PromoCodeRedeemed(code, order.id, order.customerId,
                order.channel.name(), actor, now, order.promoKopecks(), used + 1, p.totalLimit));
        em.flush();
        return order;
    }

    /**
     * R11: a cancelled order gives its promo code use back, once (the redemption is marked released; only unreleased
     * ones count towards the limits); publishes PromoCodeRedemptionReleased. Called by the cancellation.
     */
    void releaseOnCancellation(Order order, String actor, String reason) {
        PromoRedemption r = em.find(PromoRedemption.class, order.id);
        if (r == null || r.releasedAt != null) {
            return;
        }
        // locked as in apply: the use count the event carries is the code's, not a racing apply's
        PromoCode p = em.find(PromoCode.class, r.code, LockModeType.PESSIMISTIC_WRITE);
        r.releasedAt = OffsetDateTime.now(clock);
        r.releasedBy = actor;
        em.flush();
        history.record(order.id, actor, Kind.DISCOUNT, null, null, "R11: promo code " + r.code
                + " use given back (order cancelled)", null);
        publish(PromoEvents.REDEMPTION_RELEASED, r.code, new PromoEvents.PromoCodeRedemptionReleased(r.code, order.id,
                order.customerId, actor, r.releasedAt, reason, promos.redemptions(r.code), p.totalLimit));
    }

    private void publish(ru.parus.platform.events.EventType type, String code, Object payload) {
        outbox.publish(PromoEvents.TOPIC, PromoEvents.AGGREGATE, code, type, payload);
    }

    private static ProblemException refused(String field, String message) {
        return new ProblemException(ProblemType.UNPROCESSABLE, "R11: the promo code cannot be applied: " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    record Promo(String code, long promoKopecks, long managerDiscountKopecks, long discountKopecks) {
    }
}
