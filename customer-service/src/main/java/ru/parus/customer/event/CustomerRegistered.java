package ru.parus.customer.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/** docs/events/CustomerRegistered.v1.schema.json */
public record CustomerRegistered(UUID customerId, String name, String phone, String email, String type,
        String ownerManagerId, OffsetDateTime registeredAt) {
}
