package ru.parus.order.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** R10: a discount above the manager's limit, waiting for the head; the decision says who, when and why. */
@Entity
@Table(name = "discount_request")
public class DiscountRequest {
    public enum Status {
        /** Waiting for the head; blocks confirmation. */
        PENDING,
        APPROVED,
        REJECTED,
        /** Replaced by a later discount or request on the same order (one discount per order). */
        SUPERSEDED
    }

    @Id
    public UUID id;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;

    @Column(nullable = false, precision = 5, scale = 2)
    public BigDecimal percent;

    @Column(name = "requested_kopecks", nullable = false)
    public long requestedKopecks;

    /** The items total the request was made for: approval of a changed order is refused (R10). */
    @Column(name = "items_total_kopecks", nullable = false)
    public long itemsTotalKopecks;

    @Column(nullable = false)
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Version
    public long version;
}
