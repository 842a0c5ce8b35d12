package ru.parus.order.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.platform.phone.PhoneNumbers;
import ru.parus.order.domain.DeliveryAddress;
import ru.parus.order.domain.Order;
import ru.parus.order.domain.OrderHistoryEntry.Kind;
import ru.parus.order.domain.OrderStatus;
import ru.parus.order.event.OrderCancelled;
import ru.parus.order.event.OrderConfirmed;
import ru.parus.order.event.OrderEvents;
import ru.parus.order.repository.OrderRepository;
import ru.parus.platform.outbox.Outbox;
import ru.parus.platform.problem.Problem;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;

/** The order's status machine and the use cases that move it (R5, R6): terms, confirmation, cancellation. */
@ApplicationScoped
@Transactional
public class OrderLifecycle {
    /** Statuses reached only through their own use case (confirm, payment, cancel), never by a bare transition. */
    static final Set<OrderStatus> OWN_USE_CASE = EnumSet.of(OrderStatus.CONFIRMED, OrderStatus.AWAITING_PAYMENT,
            OrderStatus.PAID, OrderStatus.CANCELLED);

    @Inject
    OrderRepository orders;
    @Inject
    OrderHistory history;
    @Inject
    TermsPolicy terms;
    @Inject
    PhoneNumbers phones;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    BonusService bonus;
    @Inject
    PromoService promo;
    @Inject
    OrderAccess access;
    @Inject
    @Any
    Instance<ConfirmationRule> confirmationRules;

    /**
     * The order a staff member changes, at the version they last saw: unknown is a 404, another manager's customer's
     * order a 403 (R22, R24), a stale version a 412 (optimistic locking).
     */
    public Order load(UUID id, Long expectedVersion) {
        return atVersion(access.check(find(id)), expectedVersion);
    }

    private Order find(UUID id) {
        return orders.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Order", id));
    }

    private static Order atVersion(Order order, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != order.version) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "The order is at version " + order.version
                    + ", you sent If-Match " + expectedVersion + "; reload it and try again")
                    .with("currentVersion", order.version);
        }
        order.lines.size(); // the answer shows the lines after the transaction
        return order;
    }

    /**
     * R5, R6: the single place where an order changes status. An impossible transition is a 409 that
     * names the current status and the allowed next ones; every transition is registered.
     */
    public void move(Order order, OrderStatus to, String actor, String reason) {
        OrderStatus from = order.status;
        if (!from.canMoveTo(to)) {
            throw new ProblemException(ProblemType.CONFLICT, "R5: an order in status " + from + " cannot move to "
                    + to + "; allowed next: " + from.next())
                    .with("currentStatus", from.name())
                    .with("allowedNext", from.next().stream().map(Enum::name).toList());
        }
        order.status = to;
        history.transition(order, actor, from, to, reason);
    }

    /** A bare transition (fulfilment progress, completion, return); see {@link #OWN_USE_CASE}. */
    public Order transition(UUID id, OrderStatus to, String reason, String actor, Long expectedVersion) {
        // R24: the warehouse moves any order along its fulfilment; staff as for any other change
        Order order = atVersion(access.checkFulfilment(find(id)), expectedVersion);
        if (OWN_USE_CASE.contains(to)) {
            throw new ProblemException(ProblemType.CONFLICT, to + " is reached through its own endpoint "
                    + "(confirm, payment, cancel), not a bare transition")
                    .with("currentStatus", order.status.name())
                    .with("allowedNext", order.status.next().stream().map(Enum::name).toList());
        }
        move(order, to, actor, reason);
        orders.flush();
        return order;
    }

    /** R4, R5: records the agreed terms (replacing the previous ones) while the order is not yet confirmed. */
    public Order agreeTerms(UUID id, Terms t, String actor, Long expectedVersion) {
        Order order = load(id, expectedVersion);
        if (!order.acceptsLineChanges()) {
            throw new ProblemException(ProblemType.CONFLICT, "R5: terms are agreed before confirmation; the order is "
                    + order.status).with("currentStatus", order.status.name())
                    .with("allowedNext", order.status.next().stream().map(Enum::name).toList());
        }
        String phone = t.recipientPhone() == null ? null : phones.normalize("recipient.phone", t.recipientPhone());
        terms.check(t);
        apply(order, t, phone);
        history.record(order.id, actor, Kind.TERMS, null, null, "terms agreed",
                new Terms(t.paymentMethod(), t.deliveryMethod(), t.recipientName(), phone, t.address(),
                        t.pickupPointId(), t.terminalId(), t.deliveryDate(), t.windowFrom(), t.windowTo(),
                        t.packagingNotes()));
        orders.flush(); // the new version goes into the ETag of the answer
        return order;
    }

    static void apply(Order order, Terms t, String normalisedPhone) {
        order.paymentMethod = t.paymentMethod();
        order.deliveryMethod = t.deliveryMethod();
        order.recipientName = t.recipientName();
        order.recipientPhone = normalisedPhone;
        if (t.address() == null) {
            order.address = null;
        } else {
            DeliveryAddress a = new DeliveryAddress();
            a.postalCode = t.address().postalCode();
            a.region = t.address().region();
            a.city = t.address().city();
            a.street = t.address().street();
            a.house = t.address().house();
            a.apartment = t.address().apartment();
            a.comment = t.address().comment();
            order.address = a;
        }
        order.pickupPointId = t.pickupPointId();
        order.terminalId = t.terminalId();
        order.deliveryDate = t.deliveryDate();
        order.windowFrom = t.windowFrom();
        order.windowTo = t.windowTo();
        order.packagingNotes = t.packagingNotes();
    }

    /**
     * R5: confirms an order whose terms are all agreed and that every {@link ConfirmationRule} (e.g. R7's
     * offers) accepts. ONLINE goes to AWAITING_PAYMENT, cash on delivery to CONFIRMED; publishes OrderConfirmed.
     */
    public Order confirm(UUID id, String actor, Long expectedVersion) {
        Order order = load(id, expectedVersion);
        if (order.status != OrderStatus.NEW) {
            throw new ProblemException(ProblemType.CONFLICT, "Only a NEW order is confirmed; this one is "
                    + order.status).with("currentStatus", order.status.name())
                    .with("allowedNext", order.status.next().stream().map(Enum::name).toList());
        }
        List<Problem.FieldError> missing = terms.missing(order);
        if (!missing.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "R5: not confirmed while agreed fields are missing: "
                    + missing.stream().map(Problem.FieldError::field).toList(), missing)
                    .with("missingFields", missing.stream().map(Problem.FieldError::field).toList());
        }
        if (order.deliveryDate.isBefore(terms.today())) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "R5: the agreed delivery date " + order.deliveryDate
                    + " has passed; agree a new one",
                    List.of(new Problem.FieldError("deliveryDate", "in the past")));
        }
        List<Problem.FieldError> violations = ruleViolations(order);
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The order cannot be confirmed yet: "
                    + violations.stream().map(Problem.FieldError::message).toList(), violations);
        }
        markConfirmed(order, actor, actor, "confirmed with the customer");
        orders.flush();
        return order;
    }

    /**
     * R3, R5: a storefront order whose buyer agreed every term on the site is confirmed at intake (confirmedBy
     * null, as OrderConfirmed.v1 defines); otherwise it stays NEW for a manager to complete. Returns whether it was.
     */
    public boolean confirmIfComplete(Order order, String actor) {
        if (order.status != OrderStatus.NEW || !terms.missing(order).isEmpty()
                || order.deliveryDate.isBefore(terms.today()) || !ruleViolations(order).isEmpty()) {
            return false;
        }
        markConfirmed(order, null, actor, "confirmed by the customer on the storefront");
        return true;
    }

    private List<Problem.FieldError> ruleViolations(Order order) {
        List<Problem.FieldError> violations = new ArrayList<>();
        for (ConfirmationRule rule : confirmationRules) {
            violations.addAll(rule.violations(order));
        }
        return violations;
    }

    private void markConfirmed(Order order, String confirmedBy, String actor, String reason) {
        OrderStatus to = order.paymentMethod.prepaid() ? OrderStatus.AWAITING_PAYMENT : OrderStatus.CONFIRMED;
        order.confirmedAt = OffsetDateTime.now(clock);
        order.confirmedBy = confirmedBy;
        bonus.debitOnConfirmation(order); // R11: refuses (422) when the balance no longer suffices
        move(order, to, actor, reason);
        outbox.publish(OrderEvents.TOPIC, OrderEvents.AGGREGATE, order.id, OrderEvents.CONFIRMED,
                OrderConfirmed.of(order));
    }

    /**
     * Cancels an order not yet shipped, with a reason; publishes OrderCancelled. {@code managerError} marks a
     * cancellation caused by the manager's mistake in taking the order, an error counted against them (R23).
     */
    public Order cancel(UUID id, String reason, boolean managerError, String actor, Long expectedVersion) {
        Order order = load(id, expectedVersion);
        OrderStatus previous = order.status;
        move(order, OrderStatus.CANCELLED, actor, reason);
        bonus.returnOnCancellation(order); // R11
        promo.releaseOnCancellation(order, actor, reason); // R11: the code's use is given back
        outbox.publish(OrderEvents.TOPIC, OrderEvents.AGGREGATE, order.id, OrderEvents.CANCELLED,
                new OrderCancelled(order.id, order.customerId, OffsetDateTime.now(clock), actor, previous.name(),
                        reason, managerError, order.managerId));
        orders.flush();
        return order;
    }
}
