package ru.parus.order.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * customer-service's customer as order-service needs it, built from {@code CustomerRegistered}
 * (tolerant reader). A provisional row is a storefront buyer order-service introduced itself, until
 * customer-service's event about them arrives.
 */
@Entity
@Table(name = "customer_projection")
public class CustomerProjection {
    @Id
    @Column(name = "customer_id")
    public UUID customerId;

    public String name;

    /** E.164. */
    public String phone;

    public String email;

    public String type;

    @Column(nullable = false)
    public boolean provisional;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
