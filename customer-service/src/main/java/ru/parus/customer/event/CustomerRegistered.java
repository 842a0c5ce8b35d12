package ru.parus.customer.event;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** docs/events/CustomerRegistered.v1.schema.json; the last two fields are optional additions. */
public record CustomerRegistered(UUID customerId, String name, String phone, String email, String type,
        String ownerManagerId, OffsetDateTime registeredAt, String registeredVia,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<UUID> suspectedDuplicateOf) {
}
