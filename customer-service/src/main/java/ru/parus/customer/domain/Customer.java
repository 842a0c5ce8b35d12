package ru.parus.customer.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "customer")
public class Customer {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    /** E.164, e.g. {@code +79123456789}. */
    public String phone;

    public String email;

    @Column(nullable = false)
    public String type;

    @Column(name = "owner_manager_id")
    public String ownerManagerId;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "last_order_at")
    public OffsetDateTime lastOrderAt;

    @Column(name = "order_count", nullable = false)
    public int orderCount;

    @Version
    public long version;

    /** Activity from order-service's events: the latest order time wins, whatever the delivery order. */
    public void recordOrder(OffsetDateTime placedAt) {
        orderCount++;
        if (lastOrderAt == null || placedAt.isAfter(lastOrderAt)) {
            lastOrderAt = placedAt;
        }
    }
}
