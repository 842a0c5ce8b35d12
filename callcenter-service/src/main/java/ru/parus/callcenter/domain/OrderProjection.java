package ru.parus.callcenter.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The customer of an order (from OrderPlaced), for fulfilment events that name only the order (R13). */
@Entity
@Table(name = "order_projection")
public class OrderProjection {
    @Id
    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(name = "manager_id")
    public String managerId;

    /** R23: what the manager's KPIs count of the order. */
    public String channel;

    @Column(name = "placed_at")
    public OffsetDateTime placedAt;

    @Column(name = "total_kopecks")
    public Long totalKopecks;

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    /** R23: cancelled for the manager's mistake in taking the order. */
    @Column(name = "manager_error", nullable = false)
    public boolean managerError;
}
