package ru.parus.fulfillment.event;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Our tolerant reading of order-service's OrderConfirmed.v1 (docs/events/OrderConfirmed.v1.schema.json); without
 * orderId, deliveryMethod, requiresPrepayment, recipient, delivery or lines the event is poison (R12: nothing to ship).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderConfirmed(@NotNull UUID orderId, UUID customerId, OffsetDateTime confirmedAt, String paymentMethod,
        @NotNull String deliveryMethod, @NotNull Boolean requiresPrepayment, @NotNull ShipmentDetails.Recipient recipient,
        @NotNull ShipmentDetails.Delivery delivery, String packagingNotes, @NotEmpty List<ShipmentDetails.Line> lines,
        String currency, Long payableKopecks, Long cashOnDeliveryKopecks) {
}
