package ru.parus.order.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** R11: a promo code decided by management: percent or fixed, validity, minimum total, usage limits, channel. */
@Entity
@Table(name = "promo_code")
public class PromoCode {
    public enum Kind {
        PERCENT, FIXED
    }

    @Id
    public String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(precision = 5, scale = 2)
    public BigDecimal percent;

    @Column(name = "amount_kopecks")
    public Long amountKopecks;

    @Column(name = "valid_from", nullable = false)
    public OffsetDateTime validFrom;

    @Column(name = "valid_to", nullable = false)
    public OffsetDateTime validTo;

    @Column(name = "min_total_kopecks", nullable = false)
    public long minTotalKopecks;

    @Column(name = "per_customer_limit", nullable = false)
    public int perCustomerLimit;

    @Column(name = "total_limit", nullable = false)
    public int totalLimit;

    /** The storefront (LACTOMIN, WATTN) or PHONE the code is for; null: every channel. */
    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** Who changed its terms last (PUT /promo-codes/{code}), and when; null until changed. */
    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "changed_at")
    public OffsetDateTime changedAt;

    /** Optimistic locking: the ETag; a change sends it back in If-Match. */
    @Version
    public long version;
}
