package ru.parus.order.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.order.config.DiscountConfig;
import ru.parus.order.domain.DiscountRequest;
import ru.parus.order.domain.DiscountRequest.Status;
import ru.parus.order.domain.Order;
import ru.parus.order.domain.OrderHistoryEntry.Kind;
import ru.parus.order.event.DiscountEvents;
import ru.parus.order.event.OrderEvents;
import ru.parus.order.repository.DiscountRequestRepository;
import ru.parus.order.repository.OrderRepository;
import ru.parus.platform.outbox.Outbox;
import ru.parus.platform.paging.Page;
import ru.parus.platform.paging.PageRequest;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;

/**
 * R9, R10: the discount ladder. One discount per order: the latest grant or request replaces the earlier one,
 * never adds to it. Up to the manager's limit is applied at once (R9); more waits for the head (R10) while the
 * order keeps the manager's limit; only the head, and never the requester, decides.
 */
@ApplicationScoped
@Transactional
public class DiscountService {
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Inject
    OrderRepository orders;
    @Inject
    DiscountRequestRepository requests;
    @Inject
    OrderLifecycle lifecycle;
    @Inject
    OrderHistory history;
    @Inject
    Outbox outbox;
    @Inject
    DiscountConfig config;
    @Inject
    Clock clock;
    @Inject
    OrderAccess access;

    /** What a discount request led to: applied at once (request null) or waiting for the head. */
    public record Outcome(Order order, DiscountRequest request) {
    }

    public record Decided(DiscountRequest request, Order order) {
    }

    public Outcome requestDiscount(UUID orderId, BigDecimal percent, String reason, String actor, Long expectedVersion) {
        checkPercent(percent);
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason", "say why the customer gets a discount");
        }
        Order order = lifecycle.load(orderId, expectedVersion);
        requireChangeable(order);
        BigDecimal limit = config.managerLimitPercent();
        // one discount per order: whatever was pending is replaced by this request (R10)
        for (DiscountRequest pending : requests.pendingOf(orderId)) {
            pending.status = Status.SUPERSEDED;
            pending.decidedAt = OffsetDateTime.now(clock);
            pending.decidedBy = actor;
            pending.decisionReason = "replaced by a later discount";
        }
        requests.flush(); // the one-pending index sees the superseded request before the new one
        if (percent.compareTo(limit) <= 0) {
            // R9: within the manager's own authority, applied at once; replaces (never adds to) any earlier one
            order.grantDiscount(percent, reason, null, percent);
            history.record(order.id, actor, Kind.DISCOUNT, null, null, reason,
                    new Applied(percent, order.discountKopecks(), order.totalKopecks, order.payableKopecks()));
            orders.flush();
            return new Outcome(order, null);
        }
        // R10: above the limit: the head decides; meanwhile the order keeps the manager's limit
        order.grantDiscount(limit, reason, null, limit);
        DiscountRequest r = new DiscountRequest();
        r.id = UUID.randomUUID();
        r.orderId = order.id;
        r.customerId = order.customerId;
        r.requestedBy = actor;
        r.requestedAt = OffsetDateTime.now(clock);
        r.percent = percent;
        r.itemsTotalKopecks = order.totalKopecks;
        r.requestedKopecks = Order.discountOf(order.totalKopecks, percent);
        r.reason = reason;
        r.status = Status.PENDING;
        requests.persist(r);
        history.record(order.id, actor, Kind.DISCOUNT, null, null, "R10: asked the head for " + percent.toPlainString()
                + "%: " + reason, new Requested(r.id, percent, r.requestedKopecks, limit, order.discountKopecks(),
                        order.totalKopecks));
        outbox.publish(OrderEvents.TOPIC, OrderEvents.AGGREGATE, order.id, DiscountEvents.APPROVAL_REQUESTED,
                new DiscountEvents.DiscountApprovalRequested(r.id, order.id, order.customerId, order.channel.name(),
                        actor, r.requestedAt, percent, r.requestedKopecks, order.totalKopecks, order.currency, limit,
                        limit, order.discountKopecks(), reason));
        orders.flush();
        return new Outcome(order, r);
    }

    /**
     * R10: the head approves; the requested percent replaces the order's discount. The same head approving again has
     * one effect; another head finds the request decided (409), also when both decide at the same instant (issue 17).
     */
    public Decided approve(UUID requestId, String reason, String head) {
        DiscountRequest r = findForDecision(requestId);
        access.checkCustomer(r.customerId); // R24: the head decides by role; the policy is the same everywhere
        if (r.status == Status.APPROVED && head.equals(r.decidedBy)) {
            return new Decided(r, orders.findById(r.orderId)); // a repeat: no second effect, no second event
        }
        requirePendingAndNotOwn(r, head, "approve");
        Order order = orders.findById(r.orderId);
        requireChangeable(order);
        if (order.totalKopecks != r.itemsTotalKopecks) {
            throw new ProblemException(ProblemType.CONFLICT, "R10: the order's items total changed from "
                    + r.itemsTotalKopecks + " to " + order.totalKopecks
                    + " kopecks since the request; the manager asks again for the new total")
                    .with("requestedForTotalKopecks", r.itemsTotalKopecks)
                    .with("currentTotalKopecks", order.totalKopecks);
        }
        decide(r, Status.APPROVED, head, reason);
        order.grantDiscount(r.percent, r.reason, r.id, config.managerLimitPercent().min(r.percent));
        history.record(order.id, head, Kind.DISCOUNT, null, null, "R10: the head approved " + r.percent.toPlainString()
                + "%" + (reason == null ? "" : ": " + reason),
                new Decision(r.id, "APPROVED", r.requestedBy, r.percent, order.discountKopecks(), order.totalKopecks,
                        order.payableKopecks()));
        outbox.publish(OrderEvents.TOPIC, OrderEvents.AGGREGATE, order.id, DiscountEvents.APPROVED,
                new DiscountEvents.DiscountApproved(r.id, order.id, order.customerId, r.requestedBy, head,
                        r.decidedAt, r.percent, order.discountKopecks(), order.totalKopecks, order.payableKopecks(),
                        order.currency, reason));
        orders.flush();
        return new Decided(r, order);
    }

    /**
     * R10: the head rejects with a reason; the order keeps what it has (at most the manager's limit). The same head
     * rejecting again has one effect; another head finds the request decided (409).
     */
    public Decided reject(UUID requestId, String reason, String head) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason", "say why the discount is rejected");
        }
        DiscountRequest r = findForDecision(requestId);
        access.checkCustomer(r.customerId); // R24
        if (r.status == Status.REJECTED && head.equals(r.decidedBy)) {
            return new Decided(r, orders.findById(r.orderId));
        }
        requirePendingAndNotOwn(r, head, "reject");
        Order order = orders.findById(r.orderId);
        decide(r, Status.REJECTED, head, reason);
        history.record(order.id, head, Kind.DISCOUNT, null, null, "R10: the head rejected " + r.percent.toPlainString()
                + "%: " + reason, new Decision(r.id, "REJECTED", r.requestedBy, order.discountPercent,
                        order.discountKopecks(), order.totalKopecks, order.payableKopecks()));
        outbox.publish(OrderEvents.TOPIC, OrderEvents.AGGREGATE, order.id, DiscountEvents.REJECTED,
                new DiscountEvents.DiscountRejected(r.id, order.id, order.customerId, r.requestedBy, head,
                        r.decidedAt, r.percent, order.discountPercent, order.discountKopecks(), order.totalKopecks,
                        order.payableKopecks(), order.currency, reason));
        orders.flush();
        return new Decided(r, order);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DiscountRequest> requestsOf(UUID orderId) {
        access.check(orders.findByIdOptional(orderId).orElseThrow(() -> ProblemException.notFound("Order", orderId)));
        return requests.ofOrder(orderId);
    }

    /** A request of the head's queue with the order it is for (to tell which approval is in effect). */
    public record QueuedRequest(DiscountRequest request, Order order) {
    }

    /**
     * R10: the head's queue: requests in {@code status} (PENDING when null), oldest first, paged; only of customers the
     * caller may act on (R24; the head, the director and the admin see all by role).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<QueuedRequest> queue(String status, Integer page, Integer size) {
        PageRequest paging = PageRequest.of(page, size, OrderSearch.DEFAULT_PAGE_SIZE, OrderSearch.MAX_PAGE_SIZE);
        Status wanted = Status.PENDING;
        if (status != null && !status.isBlank()) {
            try {
                wanted = Status.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("status", "one of " + Arrays.toString(Status.values()));
            }
        }
        DiscountRequestRepository.Found found = requests.queue(wanted, access.scope(), paging);
        Map<UUID, Order> byId = new HashMap<>();
        List<UUID> ids = found.items().stream().map(r -> r.orderId).distinct().toList();
        if (!ids.isEmpty()) {
            orders.byIds(ids).forEach(o -> byId.put(o.id, o));
        }
        return Page.of(paging, found.total(),
                found.items().stream().map(r -> new QueuedRequest(r, byId.get(r.orderId))).toList());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasPending(UUID orderId) {
        return !requests.pendingOf(orderId).isEmpty();
    }

    /**
     * R10, issue 17: a decision locks the request row first, so two heads deciding at the same instant are taken one
     * after the other: the second reads the first one's decision and gets the 409 of {@link #requirePendingAndNotOwn}
     * instead of a second decision, a 200 or an optimistic-lock failure that does not say what happened.
     */
    private DiscountRequest findForDecision(UUID id) {
        return requests.lockForDecision(id).orElseThrow(() -> ProblemException.notFound("Discount request", id));
    }

    private void requirePendingAndNotOwn(DiscountRequest r, String head, String what) {
        if (r.status != Status.PENDING) {
            ProblemException conflict = new ProblemException(ProblemType.CONFLICT, "R10: discount request " + r.id
                    + " is already " + r.status + (r.decidedBy == null ? "" : " (by " + r.decidedBy + " at "
                            + r.decidedAt + ")") + "; only a PENDING request is decided")
                    .with("requestId", r.id.toString()).with("currentStatus", r.status.name());
            if (r.decidedBy != null) {
                conflict.with("decidedBy", r.decidedBy).with("decidedAt", r.decidedAt.toString());
            }
            throw conflict;
        }
        if (r.requestedBy.equals(head)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "R10: nobody may " + what + " their own discount request");
        }
    }

    private void decide(DiscountRequest r, Status status, String head, String reason) {
        r.status = status;
        r.decidedBy = head;
        r.decidedAt = OffsetDateTime.now(clock);
        r.decisionReason = reason;
    }

    /** R10: a confirmed order's discount never changes. */
    private static void requireChangeable(Order order) {
        if (!order.acceptsLineChanges()) {
            throw new ProblemException(ProblemType.CONFLICT, "R10: the discount is fixed once the order is "
                    + order.status).with("currentStatus", order.status.name());
        }
    }

    static void checkPercent(BigDecimal percent) {
        if (percent == null) {
            throw ProblemException.invalidField("percent", "required, e.g. 3.5");
        }
        if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
            throw ProblemException.invalidField("percent", "between 0 and 100");
        }
        if (percent.stripTrailingZeros().scale() > 2) {
            throw ProblemException.invalidField("percent", "at most 2 decimal places");
        }
    }

    record Applied(BigDecimal percent, long discountKopecks, long itemsTotalKopecks, long payableKopecks) {
    }

    record Requested(UUID requestId, BigDecimal requestedPercent, long requestedKopecks,
            BigDecimal appliedMeanwhilePercent, long appliedMeanwhileKopecks, long itemsTotalKopecks) {
    }

    record Decision(UUID requestId, String decision, String requestedBy, BigDecimal percent, long discountKopecks,
            long itemsTotalKopecks, long payableKopecks) {
    }
}
