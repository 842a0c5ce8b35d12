package ru.parus.callcenter.event.incoming;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import ru.parus.platform.events.EventType;

/** What this service reads from {@code order-events} (schemas in docs/events/), and only the fields it uses. */
public final class OrderEvents {
    private OrderEvents() {
    }

    /** The order projection, R23's order figures, R16's selectors and R25's reorders (the lines' families). */
    public record OrderPlaced(@NotNull UUID orderId, @NotNull UUID customerId, String managerId, String channel,
            @NotNull OffsetDateTime placedAt, @NotNull @PositiveOrZero Long totalKopecks, List<Line> lines) {
        public static final EventType TYPE = EventType.of("order", "OrderPlaced", 1);

        public OrderPlaced {
            managerId = Fields.text(managerId);
            channel = Fields.text(channel);
            lines = lines == null ? List.of() : lines;
        }

        /** R25: the product families ordered; a line without a (readable) familyId names none. */
        public Set<UUID> familyIds() {
            Set<UUID> families = new LinkedHashSet<>();
            for (Line line : lines) {
                UUID family = line == null ? null : Fields.uuid(line.familyId());
                if (family != null) {
                    families.add(family);
                }
            }
            return families;
        }

        /** Only the optional familyId (R1, R25) of a line is read. */
        public record Line(String familyId) {
        }
    }

    /**
     * R25: the customer's supply of a product bought in one order line runs out soon; once per order line. CALL asks
     * for a call by the owner (or the deputy, R22); MESSAGE is notification-service's.
     */
    public record ReplenishmentDue(@NotNull UUID orderId, @NotNull Long orderLineId, @NotNull UUID customerId,
            String managerId, @NotNull UUID familyId, @NotBlank String sku, String productName,
            @NotNull LocalDate runOutOn, @NotBlank String contactFirst) {
        public static final EventType TYPE = EventType.of("order", "ReplenishmentDue", 1);

        public ReplenishmentDue {
            managerId = Fields.text(managerId);
            productName = Fields.text(productName);
        }

        public boolean call() {
            return "CALL".equals(contactFirst);
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
