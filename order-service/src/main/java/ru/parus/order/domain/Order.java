package ru.parus.order.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "customer_order")
public class Order {
    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderStatus status;

    /** The manager who took a phone order (R3). */
    @Column(name = "manager_id")
    public String managerId;

    @Column(name = "placed_at", nullable = false)
    public OffsetDateTime placedAt;

    @Column(nullable = false)
    public String currency;

    @Column(name = "total_kopecks", nullable = false)
    public long totalKopecks;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** SHA-256 of the request that used the idempotency key: the same key with another body is refused. */
    @Column(name = "request_hash")
    public String requestHash;

    // Agreed terms (R4, R5): all of them must be set before the order is confirmed.
    @Enumerated(EnumType.STRING)
    @Column(name = "payment_method")
    public PaymentMethod paymentMethod;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_method")
    public DeliveryMethod deliveryMethod;

    @Column(name = "recipient_name")
    public String recipientName;

    /** E.164. */
    @Column(name = "recipient_phone")
    public String recipientPhone;

    @Embedded
    public DeliveryAddress address;

    @Column(name = "pickup_point_id")
    public String pickupPointId;

    @Column(name = "terminal_id")
    public String terminalId;

    @Column(name = "delivery_date")
    public LocalDate deliveryDate;

    @Column(name = "window_from")
    public LocalTime windowFrom;

    @Column(name = "window_to")
    public LocalTime windowTo;

    @Column(name = "packaging_notes")
    public String packagingNotes;

    /** The storefront's own order number (R3), for LACTOMIN and WATTN orders. */
    @Column(name = "storefront_order_number")
    public String storefrontOrderNumber;

    @Column(name = "confirmed_at")
    public OffsetDateTime confirmedAt;

    @Column(name = "confirmed_by")
    public String confirmedBy;

    @Column(name = "paid_at")
    public OffsetDateTime paidAt;

    /** When OrderPaymentOverdue was published (R15): at most once per order. */
    @Column(name = "overdue_published_at", insertable = false, updatable = false) // set by the scan's SQL only
    public OffsetDateTime overduePublishedAt;

    /** R9, R10: the one discount of the order, percent of the items total (up to 2 decimal places). */
    @Column(name = "discount_percent", nullable = false, precision = 5, scale = 2)
    public BigDecimal discountPercent = BigDecimal.ZERO;

    @Column(name = "discount_reason")
    public String discountReason;

    /** R10: the head's approved request the current discount rests on; null when within the manager's limit. */
    @Column(name = "discount_approved_request_id")
    public UUID discountApprovedRequestId;

    /** R10: what the order falls back to when the approval is voided: at most the manager's limit. */
    @Column(name = "discount_fallback_percent", nullable = false, precision = 5, scale = 2)
    public BigDecimal discountFallbackPercent = BigDecimal.ZERO;

    /** R11: the promo code applied to the order (one per order) and what it gives. */
    @Column(name = "promo_code")
    public String promoCode;

    @Column(name = "promo_percent", precision = 5, scale = 2)
    public BigDecimal promoPercent;

    @Column(name = "promo_amount_kopecks")
    public Long promoAmountKopecks;

    /** R11: bonus points spent on the order (1 point = 1 kopeck): requested while NEW, debited at confirmation. */
    @Column(name = "bonus_points", nullable = false)
    public long bonusPoints;

    /**
     * R9, R10, R11: {@link #payableKopecks()} as stored for SQL that needs the amount (the R15 scan reads it); written
     * only by {@link #storePayable()}, so it is never a second definition (issue 18, migration V91).
     */
    @Column(name = "payable_kopecks", nullable = false)
    private long storedPayableKopecks;

    @Version
    public long version;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNo")
    public List<OrderLine> lines = new ArrayList<>();

    /**
     * Lines may be added or changed only before the order is confirmed (R5): the agreed items are fixed
     * then. An accepted upsell offer adds one (R7).
     */
    public boolean acceptsLineChanges() {
        return status == OrderStatus.NEW;
    }

    /**
     * R9, R11: the discount in kopecks. The manager's discount is items total x percent / 100, rounded half-up
     * to a whole kopeck; with a promo code the order gets the larger of the two, never their sum.
     */
    public long discountKopecks() {
        return Math.max(managerDiscountKopecks(), promoKopecks());
    }

    /** R9, R10: the manager's (or the head's approved) discount alone. */
    public long managerDiscountKopecks() {
        return discountOf(totalKopecks, discountPercent);
    }

    /** R11: what the promo code alone gives: percent half-up, or the fixed amount up to the items total. */
    public long promoKopecks() {
        if (promoPercent != null) {
            return discountOf(totalKopecks, promoPercent);
        }
        return promoAmountKopecks == null ? 0L : Math.min(promoAmountKopecks, totalKopecks);
    }

    /** R9: round half-up of {@code itemsTotal x percent / 100}, exact (BigDecimal), never above the total. */
    public static long discountOf(long itemsTotalKopecks, BigDecimal percent) {
        if (percent == null || percent.signum() == 0) {
            return 0L;
        }
        long discount = BigDecimal.valueOf(itemsTotalKopecks).multiply(percent)
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
        return Math.min(discount, itemsTotalKopecks);
    }

    /** R9, R10: sets the order's one discount (replacing any earlier one). */
    public void grantDiscount(BigDecimal percent, String reason, UUID approvedRequestId, BigDecimal fallbackPercent) {
        discountPercent = percent;
        discountReason = reason;
        discountApprovedRequestId = approvedRequestId;
        discountFallbackPercent = fallbackPercent;
    }

    /**
     * R10: a discount the head approved was approved for these lines and this total; any change of lines voids
     * the approval and the order falls back to at most the manager's limit until a new request is approved.
     * Returns whether an approval was voided.
     */
    public boolean voidDiscountApproval() {
        if (discountApprovedRequestId == null) {
            return false;
        }
        discountPercent = discountFallbackPercent.min(discountPercent);
        discountApprovedRequestId = null;
        return true;
    }

    /** R9, R11: the items total minus the discount, before bonus points. */
    public long afterDiscountKopecks() {
        return Math.subtractExact(totalKopecks, discountKopecks());
    }

    /** What the customer pays: items total minus discounts, then minus bonus points (R11), in kopecks. */
    public long payableKopecks() {
        return Math.max(0L, afterDiscountKopecks() - bonusPoints);
    }

    /**
     * Keeps {@code payable_kopecks} equal to {@link #payableKopecks()}: every insert and every update of the order
     * stores it, whatever changed (lines, discount, promo code, bonus points). Hibernate writes what is set here.
     */
    @PrePersist
    @PreUpdate
    void storePayable() {
        storedPayableKopecks = payableKopecks();
    }

    public void addLine(Product product, int quantity) {
        OrderLine line = new OrderLine();
        line.order = this;
        line.lineNo = lines.size() + 1;
        line.sku = product.sku;
        line.name = product.name;
        line.familyId = product.familyId; // R25: OrderPlaced carries it; "ordered the family since" reads it
        line.quantity = quantity;
        line.unitPriceKopecks = product.priceKopecks;
        line.lineTotalKopecks = Math.multiplyExact(product.priceKopecks, quantity);
        lines.add(line);
        totalKopecks = Math.addExact(totalKopecks, line.lineTotalKopecks);
        voidDiscountApproval(); // R10: approved for other lines; every line change passes here
    }
}
