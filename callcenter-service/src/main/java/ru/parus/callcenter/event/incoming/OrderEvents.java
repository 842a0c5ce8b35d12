package ru.parus.callcenter.event.incoming;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import ru.parus.platform.events.EventType;

/** What this service reads from {@code order-events} (schemas in docs/events/), and only the fields it uses. */
public final class OrderEvents {
    private OrderEvents() {
    }

    /** The order projection, R23's order figures and R16's selectors. */
    public record OrderPlaced(@NotNull UUID orderId, @NotNull UUID customerId, String managerId, String channel,
            @NotNull OffsetDateTime placedAt, @NotNull @PositiveOrZero Long totalKopecks) {
        public static final EventType TYPE = EventType.of("order", "OrderPlaced", 1);

        public OrderPlaced {
            managerId = Fields.text(managerId);
            channel = Fields.text(channel);
        }
    }

    /** R15 */
    public record OrderPaymentOverdue(@NotNull UUID orderId, @NotNull UUID customerId) {
        public static final EventType TYPE = EventType.of("order", "OrderPaymentOverdue", 1);
    }

    public record OrderPaid(@NotNull UUID orderId) {
        public static final EventType TYPE = EventType.of("order", "OrderPaid", 1);
    }

    /** R23: a flag older producers did not send reads as false. */
    public record OrderCancelled(@NotNull UUID orderId, @NotNull UUID customerId, @NotNull OffsetDateTime cancelledAt,
            boolean managerError, String managerId) {
        public static final EventType TYPE = EventType.of("order", "OrderCancelled", 1);

        public OrderCancelled {
            managerId = Fields.text(managerId);
        }
    }

    /** R23 */
    public record UpsellOfferRecorded(@NotNull UUID offerId, @NotNull UUID orderId, @NotBlank String recordedBy,
            @NotBlank String answer, @NotNull OffsetDateTime recordedAt) {
        public static final EventType TYPE = EventType.of("order", "UpsellOfferRecorded", 1);

        public boolean accepted() {
            return "ACCEPTED".equals(answer);
        }
    }

    /** R10: the head's approval task. */
    public record DiscountApprovalRequested(@NotNull UUID requestId, @NotNull UUID orderId, @NotNull UUID customerId,
            @NotBlank String requestedBy, @NotNull BigDecimal requestedPercent) {
        public static final EventType TYPE = EventType.of("order", "DiscountApprovalRequested", 1);
    }

    /** R10: DiscountApproved and DiscountRejected, read alike. */
    public record DiscountDecided(@NotNull UUID requestId) {
        public static final EventType APPROVED = EventType.of("order", "DiscountApproved", 1);
        public static final EventType REJECTED = EventType.of("order", "DiscountRejected", 1);
    }
}
