package ru.parus.order.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * R11: a promo code used by an order (one per order); counts towards the code's usage limits until it is released
 * (the order was cancelled: the use is given back, the row stays as the record of what was applied).
 */
@Entity
@Table(name = "promo_redemption")
public class PromoRedemption {
    @Id
    @Column(name = "order_id")
    public UUID orderId;

    @Column(nullable = false)
    public String code;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(name = "applied_by", nullable = false)
    public String appliedBy;

    @Column(name = "applied_at", nullable = false)
    public OffsetDateTime appliedAt;

    @Column(name = "released_at")
    public OffsetDateTime releasedAt;

    @Column(name = "released_by")
    public String releasedBy;
}
