package ru.parus.callcenter.event.incoming;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import ru.parus.platform.events.EventType;

/** What this service reads from {@code fulfillment-events} (schemas in docs/events/): R13's order-ready calls. */
public final class FulfillmentEvents {
    public static final EventType SHIPMENT_PACKED = EventType.of("fulfillment", "ShipmentPacked", 1);
    public static final EventType SHIPMENT_READY_FOR_PICKUP = EventType.of("fulfillment", "ShipmentReadyForPickup", 1);

    private FulfillmentEvents() {
    }

    /** ShipmentPacked and ShipmentReadyForPickup, read alike. */
    public record ShipmentReady(@NotNull UUID shipmentId, @NotNull UUID orderId, String deliveryMethod) {
        /** R13: packed counts as ready only for courier delivery; other methods are ready when they arrive. */
        public boolean courier() {
            return "COURIER".equals(deliveryMethod);
        }
    }
}
