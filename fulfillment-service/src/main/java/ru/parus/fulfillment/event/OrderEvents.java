package ru.parus.fulfillment.event;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * Our readings of the other events of order-service's {@code order-events} (R12; {@link OrderConfirmed} is its own
 * file, stored as it came). Fields we do not name are ignored; a missing required one makes the event poison.
 */
public final class OrderEvents {
    private OrderEvents() {
    }

    /** OrderPaid.v1: an online-paid order may now be shipped. */
    public record OrderPaid(@NotNull UUID orderId, @NotNull OffsetDateTime paidAt) {
    }

    /** OrderCancelled.v1: the shipment is cancelled, or its return requested. */
    public record OrderCancelled(@NotNull UUID orderId, @NotNull OffsetDateTime cancelledAt, String reason) {
    }
}
