package ru.parus.callcenter.service;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.callcenter.config.CallCenterConfig;
import ru.parus.callcenter.domain.CallTask;
import ru.parus.callcenter.domain.CustomerProjection;
import ru.parus.callcenter.domain.TaskKind;
import ru.parus.callcenter.repository.CallTaskRepository;
import ru.parus.callcenter.repository.CustomerProjectionRepository;
import ru.parus.callcenter.repository.OrderProjectionRepository;

/**
 * R25: replenishment calls timed by consumption. order-service says when a customer's supply of a product bought in
 * an order line runs out soon; where the head chose a call first for the product's category, the owner manager (or
 * the deputy, R22) gets one REPLENISHMENT task per order line with the replenishment script (R17). A later order of the
 * same product family closes it as REORDERED.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReplenishmentTasks {
    /** The closing reason (and outcome) of a task whose family the customer ordered again. */
    public static final String REORDERED = "REORDERED";
    /** The closing reason of a task whose customer's data were erased (R24). */
    public static final String CUSTOMER_ERASED = "CUSTOMER_ERASED";

    @Inject
    TaskQueue queue;
    @Inject
    CallTaskRepository tasks;
    @Inject
    CustomerProjectionRepository customers;
    @Inject
    OrderProjectionRepository orders;
    @Inject
    CallCenterConfig config;

    /** What the task is about: the order line whose supply runs out. */
    public record Due(UUID orderId, long orderLineId, UUID customerId, String managerId, UUID familyId, String sku,
            String productName, LocalDate runOutOn) {
    }

    /**
     * R25: one REPLENISHMENT task per order line (a redelivery, or the same line under a new event id, makes none),
     * for the customer's owner from the projection (else the manager order-service named), routed to the deputy while
     * the owner is away (R22). A customer this service does not know, or one erased (R24), gets no call; nor one who
     * has ordered the family again since (that OrderPlaced, of another order, may be read before this event). A
     * customer merged into another (an event published before order-service learned of the merge) is the survivor:
     * the task is theirs, and their orders and those of everyone merged into them count as reorders.
     */
    public void due(Due due, String eventId) {
        CustomerProjection named = customers.findById(due.customerId());
        UUID customerId = customers.survivorId(due.customerId());
        CustomerProjection survivor = customers.findById(customerId);
        if (named == null || named.erasedAt != null || survivor != null && survivor.erasedAt != null
                || orders.reorderedSince(customers.mergedWith(customerId), due.familyId(), due.orderId())) {
            return;
        }
        String cause = "order:" + due.orderId() + ":line:" + due.orderLineId();
        queue.createWith(TaskKind.REPLENISHMENT, cause, customerId, due.orderId(),
                queue.assigneeFor(customerId, due.managerId()), config.replenishmentPriority(),
                config.replenishmentDueIn(), config.replenishmentScript(), eventId, t -> {
                    t.familyId = due.familyId();
                    t.sku = due.sku();
                    t.productName = due.productName();
                    t.runOutOn = due.runOutOn();
                });
    }

    /** R25, R24: an erased customer is not called about replenishment: their open replenishment calls are closed. */
    public void customerErased(UUID customerId, String eventId) {
        for (CallTask t : tasks.openOf(TaskKind.REPLENISHMENT.name(), customerId)) {
            queue.close(t, CUSTOMER_ERASED, eventId);
        }
    }

    /**
     * R25: the order's families are kept (conversions for the KPIs); the customer ordered a product of the family
     * again, so its open replenishment calls are not needed (a merged customer's are the survivor's, R24).
     */
    public void orderPlaced(UUID orderId, UUID customerId, Set<UUID> familyIds, String eventId) {
        if (familyIds.isEmpty()) {
            return;
        }
        orders.recordFamilies(orderId, familyIds);
        for (CallTask t : tasks.openReplenishments(customers.survivorId(customerId), familyIds)) {
            if (orderId.equals(t.orderId)) {
                continue; // the order the supply came from (its OrderPlaced again, under a new event id)
            }
            t.reorderId = orderId;
            t.outcome = REORDERED;
            queue.close(t, REORDERED, eventId);
        }
    }
}
