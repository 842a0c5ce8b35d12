package ru.parus.order.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/** docs/events/OrderPaymentOverdue.v1.schema.json (R15). */
public record OrderPaymentOverdue(UUID orderId, UUID customerId, String managerId, String channel,
        OffsetDateTime placedAt, OffsetDateTime overdueSince, long payableKopecks, String currency,
        String paymentLink) {
}
