package ru.parus.customer.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/** docs/events/CustomerReactivated.v1.schema.json (R14): the order that ended a dormancy episode. */
public record CustomerReactivated(UUID customerId, int episode, OffsetDateTime dormantSince,
        OffsetDateTime reactivatedAt, UUID orderId, OffsetDateTime orderPlacedAt, String ownerManagerId) {
}
