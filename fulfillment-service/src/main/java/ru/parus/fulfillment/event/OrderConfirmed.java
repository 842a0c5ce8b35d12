package ru.parus.fulfillment.event;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Our tolerant reading of order-service's OrderConfirmed.v1 (docs/events/OrderConfirmed.v1.schema.json). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderConfirmed(UUID orderId, UUID customerId, OffsetDateTime confirmedAt, String paymentMethod,
        String deliveryMethod, Boolean requiresPrepayment, ShipmentDetails.Recipient recipient,
        ShipmentDetails.Delivery delivery, String packagingNotes, List<ShipmentDetails.Line> lines, String currency,
        Long payableKopecks, Long cashOnDeliveryKopecks) {
}
