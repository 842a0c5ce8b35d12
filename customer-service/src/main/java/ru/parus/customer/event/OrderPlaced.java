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
public record OrderPlaced(UUID orderId, UUID customerId, String channel, String managerId, OffsetDateTime placedAt,
        Long totalKopecks, CustomerContact customerContact) {
    public static final EventType TYPE = EventType.of("order", "OrderPlaced", 1);

    /** Set when order-service did not know the buyer (a storefront order from a new customer). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CustomerContact(String name, String phone, String email) {
    }
}
