package ru.parus.customer.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/** docs/events/CustomerErased.v1.schema.json (R24): carries no personal data itself. */
public record CustomerErased(UUID customerId, OffsetDateTime erasedAt, String erasedBy, String requestReference) {
}
