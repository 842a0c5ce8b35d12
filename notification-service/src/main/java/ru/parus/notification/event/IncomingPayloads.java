package ru.parus.notification.event;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The fields this service reads of other services' events (tolerant reader: unknown fields are ignored), one record
 * per event, read and checked by the platform's {@code EventHandlers}: a field marked here as required that is
 * missing or malformed makes the event poison (dead-letter topic) before the inbox records it.
 * Shapes follow docs/events/*.v1.schema.json.
 */
public final class IncomingPayloads {
    private IncomingPayloads() {
    }

    public record CustomerConsentChanged(@NotNull UUID customerId, List<Consent> consents, String preferredChannel,
            QuietHours quietHours, String timeZone, Map<String, String> addresses, OffsetDateTime changedAt,
            @NotNull Long version) {
    }

    public record Consent(String channel, boolean granted) {
    }

    public record QuietHours(LocalTime from, LocalTime to) {
    }

    public record CustomerContactsChanged(@NotNull UUID customerId, List<String> phones, List<String> emails,
            List<Messenger> messengers, @NotNull Long version) {
    }

    public record Messenger(String network, String handle) {
    }

    public record CustomersMerged(@NotNull UUID survivingCustomerId, @NotNull UUID mergedCustomerId) {
    }

    public record CustomerErased(@NotNull UUID customerId, OffsetDateTime erasedAt) {
    }

    /**
     * R24: a customer event that names the customer's owner (CustomerRegistered, CustomerUpdated, CustomerDormant,
     * CustomerReactivated carry {@code ownerManagerId}); a blank or null owner means nobody owns the customer.
     */
    public record OwnerNamed(@NotNull UUID customerId, String ownerManagerId) {
        public String owner() {
            return ownerManagerId == null || ownerManagerId.isBlank() ? null : ownerManagerId;
        }
    }

    public record OrderPlaced(@NotNull UUID orderId, @NotNull UUID customerId, String channel, Long totalKopecks,
            List<PlacedLine> lines) {
        /** R25: the product families the order contains (lines outside the catalogue's families have none). */
        public Set<UUID> familyIds() {
            Set<UUID> out = new HashSet<>();
            for (PlacedLine line : lines == null ? List.<PlacedLine>of() : lines) {
                if (line != null && line.familyId() != null) {
                    out.add(line.familyId());
                }
            }
            return out;
        }
    }

    public record PlacedLine(UUID familyId) {
    }

    public record OrderConfirmed(@NotNull UUID orderId, @NotNull UUID customerId, String paymentMethod,
            String deliveryMethod, Delivery delivery, Long payableKopecks, Long cashOnDeliveryKopecks) {
    }

    public record Delivery(Address address, String pickupPointId, String terminalId, LocalDate date, String windowFrom,
            String windowTo) {
    }

    public record Address(String postalCode, String region, String city, String street, String house,
            String apartment) {
    }

    public record OrderPaid(@NotNull UUID orderId, @NotNull UUID customerId) {
    }

    public record OrderPaymentOverdue(@NotNull UUID orderId, @NotNull UUID customerId, Long payableKopecks,
            String paymentLink) {
    }

    /**
     * R25: a customer's supply from an order line runs out around {@code runOutOn}; {@code contactFirst} MESSAGE means
     * this service reminds the customer, CALL means callcenter-service calls (kept as text: a new value is ignored).
     */
    public record ReplenishmentDue(@NotNull UUID orderId, @NotNull Long orderLineId, @NotNull UUID customerId,
            UUID familyId, String sku, String productName, @NotNull LocalDate runOutOn, @NotBlank String contactFirst) {
        public boolean byMessage() {
            return "MESSAGE".equals(contactFirst);
        }
    }

    /** R11: bonus points of one earning expire at {@code expiresAt}; the customer is warned once. */
    public record BonusPointsExpiring(@NotNull UUID customerId, @NotNull Long expiringPoints,
            @NotNull OffsetDateTime expiresAt, @NotNull Long balancePoints, UUID earnedOrderId) {
    }

    /** ShipmentPacked and ShipmentReadyForPickup, the fields an order-ready message needs (R13). */
    public record ShipmentReady(@NotNull UUID shipmentId, @NotNull UUID orderId, String deliveryMethod,
            String pickupPointId, String terminalId, String trackingNumber, Long cashOnDeliveryKopecks) {
        /** R13: packed counts as ready only for courier delivery; other methods are ready when they arrive. */
        public boolean byCourier() {
            return "COURIER".equals(deliveryMethod);
        }
    }

    /** R22: callcenter-events; until the matching end, the deputy reads the absent manager's customers' messages. */
    public record ManagerAbsenceStarted(@NotNull UUID absenceId, @NotBlank String managerId,
            @NotBlank String deputyId, String reason, OffsetDateTime startsAt, OffsetDateTime endsAt) {
    }

    public record ManagerAbsenceEnded(@NotNull UUID absenceId, @NotBlank String managerId, @NotBlank String deputyId,
            OffsetDateTime endedAt) {
    }

    /** R1: catalogue-events, the product's full state after a change; a newer {@code version} wins. */
    public record ProductChanged(@NotNull UUID productId, @NotNull Long version, @NotBlank String name,
            @NotBlank String category, @NotNull List<String> storefronts, List<Certificate> certificates,
            @NotNull List<Variant> variants, OffsetDateTime changedAt) {
    }

    /** A quality certificate of a product (R1): a document at {@code url}, valid until the date (null: no end). */
    public record Certificate(String title, String url, LocalDate validUntil) {
    }

    /** A variant (SKU) of a product; money in kopecks. */
    public record Variant(String sku, String name, Long priceKopecks, String currency, Long stock, Boolean active) {
    }
}
