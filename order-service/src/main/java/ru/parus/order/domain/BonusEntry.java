package ru.parus.order.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * R11: one change of a customer's bonus balance. EARNED, RETURNED add to it; SPENT, REVOKED (earned points taken back
 * when the order came back), EXPIRED (an earning's unspent remainder after expire-after) take from it.
 */
@Entity
@Table(name = "bonus_entry")
public class BonusEntry {
    public enum Kind {
        EARNED, SPENT, RETURNED, REVOKED, EXPIRED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public long points;

    @Column(nullable = false)
    public OffsetDateTime at;

    /** REVOKED: the earned points that could not be taken back because the customer had spent them. */
    @Column(name = "shortfall_points")
    public Long shortfallPoints;
}
