package ru.parus.order.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/** docs/events/OrderCancelled.v1.schema.json. */
public record OrderCancelled(UUID orderId, UUID customerId, OffsetDateTime cancelledAt, String cancelledBy,
        String previousStatus, String reason) {
}
