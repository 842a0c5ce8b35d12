package ru.parus.order.event;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import ru.parus.order.domain.PromoCode;
import ru.parus.platform.events.EventType;

/**
 * R11's promo code events on {@link OrderEvents#TOPIC}, key = the code (a promo code's id): one code's events stay in
 * order. Schemas in docs/events/PromoCode*.v1.schema.json.
 */
public final class PromoEvents {
    public static final String TOPIC = OrderEvents.TOPIC;
    public static final String AGGREGATE = "PromoCode";
    public static final EventType CREATED = EventType.of("order", "PromoCodeCreated", 1);
    public static final EventType CHANGED = EventType.of("order", "PromoCodeChanged", 1);
    public static final EventType REDEEMED = EventType.of("order", "PromoCodeRedeemed", 1);
    public static final EventType REDEMPTION_RELEASED = EventType.of("order", "PromoCodeRedemptionReleased", 1);

    /** The code's terms as they are now (PromoCodeCreated, PromoCodeChanged). */
    public record PromoCodeTerms(String code, String kind, BigDecimal percent, Long amountKopecks,
            OffsetDateTime validFrom, OffsetDateTime validTo, long minTotalKopecks, int perCustomerLimit,
            int totalLimit, String channel, long version, String changedBy, OffsetDateTime changedAt) {
        /** {@code changedBy}/{@code changedAt}: who created or changed it, and when. */
        public static PromoCodeTerms of(PromoCode p, String by, OffsetDateTime at) {
            return new PromoCodeTerms(p.code, p.kind.name(), p.percent, p.amountKopecks, p.validFrom, p.validTo,
                    p.minTotalKopecks, p.perCustomerLimit, p.totalLimit, p.channel == null ? null : p.channel.name(),
                    p.version, by, at);
        }
    }

    /** A code applied to an order: one use; {@code usedCount} includes it. */
    public record PromoCodeRedeemed(String code, UUID orderId, UUID customerId, String channel, String appliedBy,
            OffsetDateTime appliedAt, long promoKopecks, long usedCount, int totalLimit) {
    }

    /** A cancelled order gave its use back; {@code usedCount} no longer includes it. */
    public record PromoCodeRedemptionReleased(String code, UUID orderId, UUID customerId, String releasedBy,
            OffsetDateTime releasedAt, String reason, long usedCount, int totalLimit) {
    }

    private PromoEvents() {
    }
}
