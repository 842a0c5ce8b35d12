package ru.parus.customer.event;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import ru.parus.platform.events.EventType;

/**
 * This service's reading of order-service's {@code OrderPlaced} (docs/events/OrderPlaced.v1.schema.json):
 * only the fields it uses; unknown fields are ignored (tolerant reader). An event without orderId, customerId or
 * placedAt is poison.
 */
public record OrderPlaced(@NotNull UUID orderId, @NotNull UUID customerId, String channel, String managerId,
        @NotNull OffsetDateTime placedAt, Long totalKopecks, CustomerContact customerContact) {
    public static final EventType TYPE = EventType.of("order", "OrderPlaced", 1);

    /**
     * Set when order-service did not know the buyer (a storefront order from a new customer). A contact without a
     * name registers nobody, but the order still counts for a known customer: no constraints here.
     */
    public record CustomerContact(String name, String phone, String email) {
    }
}
