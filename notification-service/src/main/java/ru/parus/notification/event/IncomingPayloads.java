package ru.parus.notification.event;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The fields this service reads of other services' events (tolerant reader: unknown fields are ignored).
 * Shapes follow docs/events/*.v1.schema.json.
 */
public final class IncomingPayloads {
    private IncomingPayloads() {
    }

    public record CustomerConsentChanged(UUID customerId, List<Consent> consents, String preferredChannel,
            QuietHours quietHours, String timeZone, Map<String, String> addresses, OffsetDateTime changedAt,
            Long version) {
    }

    public record Consent(String channel, boolean granted) {
    }

    public record QuietHours(LocalTime from, LocalTime to) {
    }

    public record CustomerContactsChanged(UUID customerId, List<String> phones, List<String> emails,
            List<Messenger> messengers, Long version) {
    }

    public record Messenger(String network, String handle) {
    }

    public record CustomersMerged(UUID survivingCustomerId, UUID mergedCustomerId) {
    }

    public record CustomerErased(UUID customerId, OffsetDateTime erasedAt) {
    }

    public record OrderPlaced(UUID orderId, UUID customerId, String channel, Long totalKopecks) {
    }

    public record OrderConfirmed(UUID orderId, UUID customerId, String paymentMethod, String deliveryMethod,
            Delivery delivery, Long payableKopecks, Long cashOnDeliveryKopecks) {
    }

    public record Delivery(Address address, String pickupPointId, String terminalId, LocalDate date, String windowFrom,
            String windowTo) {
    }

    public record Address(String postalCode, String region, String city, String street, String house,
            String apartment) {
    }

    public record OrderPaid(UUID orderId, UUID customerId) {
    }

    public record OrderPaymentOverdue(UUID orderId, UUID customerId, Long payableKopecks, String paymentLink) {
    }

    /** ShipmentPacked and ShipmentReadyForPickup, the fields an order-ready message needs (R13). */
    public record ShipmentReady(UUID shipmentId, UUID orderId, String deliveryMethod, String pickupPointId,
            String terminalId, String trackingNumber, Long cashOnDeliveryKopecks) {
    }

    /** R22: callcenter-events; until the matching end, the deputy reads the absent manager's customers' messages. */
    public record ManagerAbsenceStarted(UUID absenceId, String managerId, String deputyId, String reason,
            OffsetDateTime startsAt, OffsetDateTime endsAt) {
    }

    public record ManagerAbsenceEnded(UUID absenceId, String managerId, String deputyId, OffsetDateTime endedAt) {
    }

    /** R1: catalog-events, the product's full state after a change; a newer {@code version} wins. */
    public record ProductChanged(UUID productId, Long version, String name, String category, List<String> storefronts,
            List<Certificate> certificates, List<Variant> variants, OffsetDateTime changedAt) {
    }

    /** A quality certificate of a product (R1): a document at {@code url}, valid until the date (null: no end). */
    public record Certificate(String title, String url, LocalDate validUntil) {
    }

    /** A variant (SKU) of a product; money in kopecks. */
    public record Variant(String sku, String name, Long priceKopecks, String currency, Long stock, Boolean active) {
    }
}
