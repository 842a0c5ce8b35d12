package ru.parus.order.event.incoming;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import ru.parus.platform.events.EventType;

/** What order-service reads from {@code fulfillment-events}, as its own records. Schemas in docs/events/. */
public final class FulfillmentEvents {
    private FulfillmentEvents() {
    }

    /** R15: cash collected on delivery becomes a payment. */
    public record ShipmentDelivered(@NotBlank String shipmentId, @NotNull UUID orderId,
            @NotNull OffsetDateTime deliveredAt, @NotNull Long cashCollectedKopecks) {
        public static final EventType TYPE = EventType.of("fulfillment", "ShipmentDelivered", 1);
    }

    /** R11: the parcel came back: the order's bonus points are settled (spent given back, earned taken back). */
    public record ShipmentReturned(@NotBlank String shipmentId, @NotNull UUID orderId, @NotNull OffsetDateTime returnedAt,
            String reason) {
        public static final EventType TYPE = EventType.of("fulfillment", "ShipmentReturned", 1);
    }
}
