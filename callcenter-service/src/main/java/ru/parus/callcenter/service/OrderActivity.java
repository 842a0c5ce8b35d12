package ru.parus.callcenter.service;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.callcenter.domain.OrderProjection;
import ru.parus.callcenter.repository.OrderProjectionRepository;

/** R23: records what the managers' KPIs count of the orders they take: orders, their errors, upsell offers. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OrderActivity {
    @Inject
    OrderProjectionRepository orders;

    /** After TaskQueue made the projection row: when, through which channel and for how much. */
    public void placed(UUID orderId, String channel, OffsetDateTime placedAt, long totalKopecks) {
        OrderProjection o = orders.findById(orderId);
        if (o != null) {
            o.channel = channel;
            o.placedAt = placedAt;
            o.totalKopecks = totalKopecks;
        }
    }

    /** R23: a cancellation for the manager's mistake is an order error of the manager who took the order. */
    public void cancelled(UUID orderId, UUID customerId, OffsetDateTime at, boolean managerError, String managerId) {
        OrderProjection o = orders.findById(orderId);
        if (o == null) {
            o = new OrderProjection();
            o.orderId = orderId;
            o.customerId = customerId;
            o.managerId = managerId;
            orders.persist(o);
        } else if (o.managerId == null) {
            o.managerId = managerId;
        }
        o.cancelledAt = at;
        o.managerError = managerError;
    }

    /** R7, R23: an upsell offer and its answer, once per offer. */
    public void upsellRecorded(UUID offerId, UUID orderId, String managerId, boolean accepted, OffsetDateTime at) {
        orders.recordUpsell(offerId, orderId, managerId, accepted, at);
    }
}
