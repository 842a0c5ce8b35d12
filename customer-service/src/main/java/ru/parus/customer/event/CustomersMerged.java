package ru.parus.customer.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/** docs/events/CustomersMerged.v1.schema.json: mergedCustomerId is now survivingCustomerId everywhere. */
public record CustomersMerged(UUID survivingCustomerId, UUID mergedCustomerId, OffsetDateTime mergedAt, String mergedBy,
        int orderCount, long lifetimeValueKopecks, OffsetDateTime lastOrderAt) {
}
