package ru.parus.customer.domain;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** R21: the customer's consent on one channel: given or withdrawn, when, how, recorded by whom. */
@Entity
@Table(name = "customer_consent")
@IdClass(CustomerConsent.Key.class)
public class CustomerConsent {
    @Id
    @Column(name = "customer_id")
    public UUID customerId;

    @Id
    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Column(nullable = false)
    public boolean granted;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentMethod method;

    @Column(name = "changed_by")
    public String changedBy;

    public static class Key implements Serializable {
        public UUID customerId;
        public Channel channel;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(customerId, k.customerId) && channel == k.channel;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(customerId, channel);
        }
    }
}
