package ru.parus.order.event;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import ru.parus.platform.events.EventType;

/** R10's events on order-events (key = orderId); schemas in docs/events/Discount*.v1.schema.json. */
public final class DiscountEvents {
    public static final EventType APPROVAL_REQUESTED = EventType.of("order", "DiscountApprovalRequested", 1);
    public static final EventType APPROVED = EventType.of("order", "DiscountApproved", 1);
    public static final EventType REJECTED = EventType.of("order", "DiscountRejected", 1);

    /** The head's task: what is asked, for which order and customer, by whom and why. */
    public record DiscountApprovalRequested(UUID requestId, UUID orderId, UUID customerId, String channel,
            String requestedBy, OffsetDateTime requestedAt, BigDecimal requestedPercent, long requestedKopecks,
            long itemsTotalKopecks, String currency, BigDecimal managerLimitPercent, BigDecimal appliedMeanwhilePercent,
            long appliedMeanwhileKopecks, String reason) {
    }

    public record DiscountApproved(UUID requestId, UUID orderId, UUID customerId, String requestedBy,
            String approvedBy, OffsetDateTime approvedAt, BigDecimal percent, long discountKopecks,
            long itemsTotalKopecks, long payableKopecks, String currency, String reason) {
    }

    public record DiscountRejected(UUID requestId, UUID orderId, UUID customerId, String requestedBy,
            String rejectedBy, OffsetDateTime rejectedAt, BigDecimal requestedPercent, BigDecimal appliedPercent,
            long discountKopecks, long itemsTotalKopecks, long payableKopecks, String currency, String reason) {
    }

    private DiscountEvents() {
    }
}
