package ru.parus.order.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A payment received for an order (R15): online from the provider, or cash collected on delivery. */
@Entity
@Table(name = "payment")
public class Payment {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PaymentMethod method;

    @Column(name = "amount_kopecks", nullable = false)
    public long amountKopecks;

    @Column(nullable = false)
    public String currency;

    @Column(name = "paid_at", nullable = false)
    public OffsetDateTime paidAt;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    /** The provider's payment id: a repeated callback finds the payment it already recorded. */
    @Column(name = "provider_payment_id")
    public String providerPaymentId;

    /** For cash on delivery: the shipment whose delivery collected the cash. */
    @Column(name = "shipment_id")
    public String shipmentId;
}
