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
import ru.parus.platform.problem.Problem;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;

/**
 * R11: promo codes. Combination with the manager's discount (R9, R10): the order gets the larger of the two,
 * never their sum, so a promo code cannot lift the manager's discount past the ladder. One code per order;
 * a code counts as used when applied to an order.
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
        p.validFrom = c.validFrom();
        p.validTo = c.validTo();
        p.minTotalKopecks = c.minTotalKopecks();
        p.perCustomerLimit = c.perCustomerLimit();
        p.totalLimit = c.totalLimit();
        p.channel = c.channel();
        p.createdBy = actor;
        p.createdAt = OffsetDateTime.now(clock);
        em.persist(p);
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
        em.flush();
        return order;
    }

    private static ProblemException refused(String field, String message) {
        return new ProblemException(ProblemType.UNPROCESSABLE, "R11: the promo code cannot be applied: " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    record Promo(String code, long promoKopecks, long managerDiscountKopecks, long discountKopecks) {
    }
}
