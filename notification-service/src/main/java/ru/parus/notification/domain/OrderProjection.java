package ru.parus.notification.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What order-ready (R13) and payment-reminder (R15) messages tell, from order-events. */
@Entity
@Table(name = "order_projection")
public class OrderProjection {
    @Id
    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(name = "payment_method")
    public String paymentMethod;

    @Column(name = "delivery_method")
    public String deliveryMethod;

    @Column(name = "payable_kopecks")
    public Long payableKopecks;

    @Column(name = "cash_on_delivery_kopecks")
    public Long cashOnDeliveryKopecks;

    public boolean paid;

    @Column(name = "delivery_date")
    public LocalDate deliveryDate;

    @Column(name = "window_from")
    public String windowFrom;

    @Column(name = "window_to")
    public String windowTo;

    @Column(name = "delivery_address")
    public String deliveryAddress;

    @Column(name = "pickup_point_id")
    public String pickupPointId;

    @Column(name = "terminal_id")
    public String terminalId;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
