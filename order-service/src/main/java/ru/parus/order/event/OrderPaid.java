package ru.parus.order.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/** docs/events/OrderPaid.v1.schema.json. */
public record OrderPaid(UUID orderId, UUID customerId, OffsetDateTime paidAt, long amountKopecks, String currency,
        String paymentMethod, String providerPaymentId) {
}
