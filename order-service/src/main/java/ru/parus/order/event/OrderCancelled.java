package ru.parus.order.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * docs/events/OrderCancelled.v1.schema.json. {@code managerError} and {@code managerId} (who took the order) let the
 * call center count order errors per manager (R23).
 */
public record OrderCancelled(UUID orderId, UUID customerId, OffsetDateTime cancelledAt, String cancelledBy,
        String previousStatus, String reason, boolean managerError, String managerId) {
}
