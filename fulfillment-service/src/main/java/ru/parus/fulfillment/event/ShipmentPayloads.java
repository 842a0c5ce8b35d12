package ru.parus.fulfillment.event;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The payloads of {@code fulfillment-events}; each has its schema in docs/events/&lt;Name&gt;.v1.schema.json. */
public final class ShipmentPayloads {
    private ShipmentPayloads() {
    }

    public record Carrier(String code, String name) {
    }

    /** R12: everything a warehouse system needs, without calling back. */
    public record ShipmentCreated(UUID shipmentId, UUID orderId, UUID customerId, OffsetDateTime createdAt,
            String deliveryMethod, String paymentMethod, Carrier carrier, ShipmentDetails.Recipient recipient,
            ShipmentDetails.Delivery delivery, String packagingNotes, List<ShipmentDetails.Line> lines,
            String currency, long declaredValueKopecks, long cashOnDeliveryKopecks) {
    }

    /** R13: the order is assembled; the customer is told. */
    public record ShipmentPacked(UUID shipmentId, UUID orderId, OffsetDateTime packedAt, String deliveryMethod,
            int weightGrams, Integer lengthMm, Integer widthMm, Integer heightMm, int parcels) {
    }

    public record ShipmentHandedToCarrier(UUID shipmentId, UUID orderId, OffsetDateTime handedAt, Carrier carrier,
            String trackingNumber) {
    }

    /** R13: arrived at the pickup point, terminal or post office; the customer is told. */
    public record ShipmentReadyForPickup(UUID shipmentId, UUID orderId, OffsetDateTime arrivedAt,
            String deliveryMethod, String pickupPointId, String terminalId, String trackingNumber,
            long cashOnDeliveryKopecks) {
    }

    /** Contract with order-service: it records a cash payment from {@code cashCollectedKopecks} (0 when none). */
    public record ShipmentDelivered(UUID shipmentId, UUID orderId, OffsetDateTime deliveredAt,
            long cashCollectedKopecks, String currency, String paymentMethod) {
    }

    public record ShipmentReturned(UUID shipmentId, UUID orderId, OffsetDateTime returnedAt, String reason) {
    }

    /** An order cancelled after hand-over: the carrier is asked to bring the parcel back. */
    public record ShipmentReturnRequested(UUID shipmentId, UUID orderId, OffsetDateTime requestedAt, String reason,
            String statusAtRequest, String carrier, String trackingNumber) {
    }

    public record ShipmentCancelled(UUID shipmentId, UUID orderId, OffsetDateTime cancelledAt, String reason,
            String previousStatus) {
    }
}
