package ru.parus.fulfillment.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A confirmed order on its way to the customer through the warehouse and a carrier (R12, R13); one per order.
 * {@link #details} is a JSON copy of what the order agreed (recipient, delivery, lines, packaging notes), so
 * documents and events never need order-service.
 */
@Entity
@Table(name = "shipment")
public class Shipment {
    @Id
    public UUID id;

    @Column(name = "order_id", nullable = false, unique = true)
    public UUID orderId;

    @Column(name = "customer_id")
    public UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ShipmentStatus status;

    /** One of R4's delivery methods: {@code COURIER}, {@code PICKUP_POINT}, {@code TRANSPORT_COMPANY}, {@code RUSSIAN_POST}. */
    @Column(name = "delivery_method", nullable = false)
    public String deliveryMethod;

    /** One of R4's payment methods. */
    @Column(name = "payment_method")
    public String paymentMethod;

    @Column(name = "carrier_code")
    public String carrierCode;

    @Column(name = "carrier_name")
    public String carrierName;

    /** JSON of {@code ru.parus.fulfillment.event.ShipmentDetails}. */
    @Column(name = "details")
    public String details;

    @Column(name = "declared_value_kopecks", nullable = false)
    public long declaredValueKopecks;

    @Column(name = "cash_on_delivery_kopecks", nullable = false)
    public long cashOnDeliveryKopecks;

    @Column(name = "weight_grams")
    public Integer weightGrams;

    @Column(name = "length_mm")
    public Integer lengthMm;

    @Column(name = "width_mm")
    public Integer widthMm;

    @Column(name = "height_mm")
    public Integer heightMm;

    public Integer parcels;

    @Column(name = "tracking_number")
    public String trackingNumber;

    @Column(name = "cash_collected_kopecks")
    public Long cashCollectedKopecks;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "status_changed_at")
    public OffsetDateTime statusChangedAt;

    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    /** The order was cancelled after hand-over: a return was requested from the carrier. */
    @Column(name = "return_requested_at")
    public OffsetDateTime returnRequestedAt;

    @Column(name = "cancellation_reason")
    public String cancellationReason;

    /** R24: when the customer's personal data were erased: recipient, address and notes are blank since. */
    @Column(name = "personal_data_erased_at")
    public OffsetDateTime personalDataErasedAt;

    @Version
    public long version;
}
