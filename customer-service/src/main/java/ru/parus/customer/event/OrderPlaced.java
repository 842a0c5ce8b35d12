package ru.parus.customer.event;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import ru.parus.platform.events.EventType;

/**
 * This service's reading of order-service's {@code OrderPlaced} (docs/events/OrderPlaced.v1.schema.json):
 * only the fields it uses; unknown fields are ignored (tolerant reader).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderPlaced(UUID orderId, UUID customerId, OffsetDateTime placedAt) {
    public static final EventType TYPE = EventType.of("order", "OrderPlaced", 1);
}
