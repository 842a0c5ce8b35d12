package ru.parus.fulfillment.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A confirmed order on its way to the customer through the warehouse and a carrier (R12, R13); one per order. */
@Entity
@Table(name = "shipment")
public class Shipment {
    @Id
    public UUID id;

    @Column(name = "order_id", nullable = false, unique = true)
    public UUID orderId;

    @Column(nullable = false)
    public String status;

    /** One of R4's delivery methods: {@code COURIER}, {@code PICKUP_POINT}, {@code TRANSPORT_COMPANY}, {@code RUSSIAN_POST}. */
    @Column(name = "delivery_method", nullable = false)
    public String deliveryMethod;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Version
    public long version;
}
