package ru.parus.callcenter.service;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.callcenter.config.CallCenterConfig;
import ru.parus.callcenter.domain.CallTask;
import ru.parus.callcenter.domain.TaskStatus;
import ru.parus.callcenter.domain.CustomerProjection;
import ru.parus.callcenter.domain.OrderProjection;
import ru.parus.callcenter.domain.Priority;
import ru.parus.callcenter.domain.TaskKind;
import ru.parus.callcenter.event.CallCenterEvents;
import ru.parus.callcenter.event.CallTaskClosed;
import ru.parus.callcenter.event.CallTaskCreated;
import ru.parus.callcenter.repository.CallTaskRepository;
import ru.parus.callcenter.repository.CustomerProjectionRepository;
import ru.parus.callcenter.repository.OrderProjectionRepository;
import ru.parus.platform.outbox.Outbox;

/**
 * Turns other services' facts into call tasks (R13, R14, R15) and closes them when their cause goes away.
 * A task is made once per (kind, cause): a redelivered event, or the same fact under a new event id, makes none.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TaskQueue {
    @Inject
    CallTaskRepository tasks;
    @Inject
    CustomerProjectionRepository customers;
    @Inject
    OrderProjectionRepository orders;
    @Inject
    CallCenterConfig config;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    Deputies deputies;
    @Inject
    CustomerPhones phones;
    @Inject
    StaffService staff;

    // --- projections -------------------------------------------------------------------------------------

    public void customerRegistered(UUID customerId, String name, String phone, String ownerManagerId) {
        CustomerProjection c = customers.lockOrCreate(customerId, now());
        phones.registered(customerId, phone); // R18: calls are matched by phone
        c.name = name;
        c.phone = phone;
        c.ownerManagerId = ownerManagerId;
        c.updatedAt = now();
        // a task made before the projection knew the customer (events of other topics are not ordered) goes to the owner
        if (ownerManagerId != null) {
            tasks.assignUnassignedOpen(customerId, ownerManagerId);
            deputies.routeOpenOf(customerId); // R22: to the deputy if the owner is away
        }
    }

    public void customersMerged(UUID survivingId, UUID mergedId) {
        CustomerProjection merged = customers.lockOrCreate(mergedId, now());
        merged.mergedInto = survivingId;
        merged.updatedAt = now();
        // the merged customer's open tasks become the survivor's; unassigned ones go to the survivor's owner
        tasks.moveOpen(mergedId, survivingId);
        String owner = assigneeFor(survivingId, null);
        if (owner != null) {
            tasks.assignUnassignedOpen(survivingId, owner);
            deputies.routeOpenOf(survivingId); // R22: to the deputy if the owner is away
        }
    }

    public void orderPlaced(UUID orderId, UUID customerId, String managerId) {
        if (orders.findById(orderId) == null) {
            OrderProjection o = new OrderProjection();
            o.orderId = orderId;
            o.customerId = customerId;
            o.managerId = managerId;
            orders.persist(o);
        }
    }

    /** The customer's owner manager from the projection (following merges), else {@code fallback}, else nobody (the head's queue). */
    String assigneeFor(UUID customerId, String fallback) {
        // the last row known here, so that a task made before the survivor's row arrives has the old row's owner
        CustomerProjection c = customers.followMerges(customerId).lastKnown();
        if (c != null && c.ownerManagerId != null) {
            return c.ownerManagerId;
        }
        return fallback;
    }

    // --- tasks from events --------------------------------------------------------------------------------

    /** R14: a dormant customer gets a reactivation call by the dormant-customer script, once per dormancy episode. */
    public void customerDormant(UUID customerId, int episode, String ownerManagerId, String eventId) {
        create(TaskKind.REACTIVATION, "customer:" + customerId + ":episode:" + episode, customerId, null,
                assigneeFor(customerId, ownerManagerId), config.reactivationPriority(), config.reactivationDueIn(),
                config.reactivationScript(), eventId);
    }

    /** R14: the customer ordered again; the reactivation call is no longer needed. */
    public void customerReactivated(UUID customerId, String eventId) {
        close(tasks.openOf(TaskKind.REACTIVATION.name(), customerId), "CUSTOMER_REACTIVATED", eventId);
    }

    /** R15: an online order not paid in time gets an unpaid-order call, once per order. */
    public void paymentOverdue(UUID orderId, UUID customerId, String eventId) {
        create(TaskKind.UNPAID_ORDER, "order:" + orderId, customerId, orderId, assigneeFor(customerId, null),
                config.unpaidOrderPriority(), config.unpaidOrderDueIn(), config.unpaidOrderScript(), eventId);
    }

    /** R15: paid after all; the call is not needed. */
    public void orderPaid(UUID orderId, String eventId) {
        close(tasks.openForOrder(orderId, List.of(TaskKind.UNPAID_ORDER.name())), "ORDER_PAID", eventId);
    }

    /** R15 (and R13): a cancelled order needs neither the payment call nor the order-ready call. */
    public void orderCancelled(UUID orderId, String eventId) {
        close(tasks.openForOrder(orderId, List.of(TaskKind.UNPAID_ORDER.name(), TaskKind.ORDER_READY.name())),
                "ORDER_CANCELLED", eventId);
    }

    /**
     * R13: the order is ready (packed for the courier, or arrived at the pickup point): the customer is told and
     * payment and delivery details are confirmed, once per shipment.
     */
    public void orderReady(UUID shipmentId, UUID orderId, String eventId) {
        OrderProjection order = orders.findById(orderId);
        UUID customerId = order == null ? null : order.customerId;
        create(TaskKind.ORDER_READY, "shipment:" + shipmentId, customerId, orderId,
                assigneeFor(customerId, order == null ? null : order.managerId), config.orderReadyPriority(),
                config.orderReadyDueIn(), config.orderReadyScript(), eventId);
    }

    private void create(TaskKind kind, String cause, UUID customerId, UUID orderId, String assignee, Priority priority,
            Duration dueIn, String script, String eventId) {
        createWith(kind, cause, customerId, orderId, assignee, priority, dueIn, script, eventId, t -> {
        });
    }

    /**
     * Makes the task once per (kind, cause), routed to the deputy of an absent assignee (R22); null if it existed. A
     * customer merged into another is the survivor (R24), as the open tasks moved at the merge are: an event published
     * before the merge was known (a dormancy episode, an unpaid order) makes no task for a customer nobody lists.
     */
    CallTask createWith(TaskKind kind, String cause, UUID customerId, UUID orderId, String assignee,
            Priority priority, Duration dueIn, String script, String eventId, java.util.function.Consumer<CallTask> extras) {
        CallTask t = new CallTask();
        t.id = UUID.randomUUID();
        t.kind = kind.name();
        t.cause = cause;
        t.customerId = customerId == null ? null : customers.survivorId(customerId);
        t.orderId = orderId;
        t.assignee = assignee;
        t.status = TaskStatus.OPEN;
        t.priority = priority.rank();
        t.script = script;
        t.createdAt = now();
        t.dueAt = t.createdAt.plus(dueIn);
        extras.accept(t);
        deputies.route(t); // R22: an absent manager's new tasks go to the deputy
        if (tasks.insertIfAbsent(t)) {
            // R6: every change is registered
            outbox.publish(CallCenterEvents.TOPIC, CallCenterEvents.TASK, t.id, CallCenterEvents.TASK_CREATED,
                    new CallTaskCreated(t.id, t.kind, t.cause, t.customerId, t.orderId, t.assignee, priority.name(),
                            t.script, t.dueAt, t.createdAt, eventId));
            return t;
        }
        return null;
    }

    private void close(List<CallTask> open, String reason, String eventId) {
        for (CallTask t : open) {
            close(t, reason, eventId);
        }
    }

    /** Closes an open task (its cause went away) and registers it; false (nothing changed) unless it was open. */
    boolean close(CallTask t, String reason, String eventId) {
        if (!t.close(reason, now())) {
            return false;
        }
        // R6: every change is registered
        outbox.publish(CallCenterEvents.TOPIC, CallCenterEvents.TASK, t.id, CallCenterEvents.TASK_CLOSED,
                new CallTaskClosed(t.id, t.kind, t.customerId, t.orderId, t.assignee, reason, eventId, t.closedAt,
                        t.reorderId));
        return true;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    // --- people, calls, escalations, approvals (R22, R18, R19, R10) -------------------------------------------

    /** R18: a contacts list replaced the customer's phones (calls are matched by phone). */
    public void customerContactsChanged(UUID customerId, List<String> phoneList, long version) {
        phones.contactsChanged(customerId, phoneList, version);
    }

    /**
     * R18: a missed inbound call gets one CALLBACK task per PBX call, for the customer's owner (or the deputy, R22),
     * else the manager the telephony named, else the head's queue.
     */
    public CallTask missedCall(String pbxCallId, UUID callId, UUID customerId, String phone, String managerId) {
        return createWith(TaskKind.CALLBACK, "pbx-call:" + pbxCallId, customerId, null, assigneeFor(customerId, managerId),
                config.callbackPriority(), config.callbackDueIn(), null, null, t -> {
                    t.phone = phone;
                    t.callId = callId;
                });
    }

    /** R19: the head's task to resolve an escalation, once per escalation. */
    public CallTask escalationTask(UUID escalationId, UUID callId, UUID customerId, String headId) {
        return createWith(TaskKind.ESCALATION, "escalation:" + escalationId, customerId, null, headId,
                config.escalationPriority(), config.escalationDueIn(), null, null, t -> {
                    t.callId = callId;
                    t.escalationId = escalationId;
                });
    }

    /**
     * R10: a discount above the manager's limit: one DISCOUNT_APPROVAL task per request for the requesting manager's
     * head (staff table), else the configured default head. The decision itself is made in order-service.
     */
    public void discountApprovalRequested(UUID requestId, UUID orderId, UUID customerId, String requestedBy,
            java.math.BigDecimal percent, String eventId) {
        createWith(TaskKind.DISCOUNT_APPROVAL, "discount-request:" + requestId, customerId, orderId,
                staff.headOf(requestedBy), config.discountApprovalPriority(), config.discountApprovalDueIn(), null,
                eventId, t -> t.discountPercent = percent);
    }

    /** R10: the head decided in order-service; the approval task is closed. */
    public void discountDecided(UUID requestId, boolean approved, String eventId) {
        close(tasks.openByCause(TaskKind.DISCOUNT_APPROVAL.name(), "discount-request:" + requestId),
                approved ? "DISCOUNT_APPROVED" : "DISCOUNT_REJECTED", eventId);
    }
}
