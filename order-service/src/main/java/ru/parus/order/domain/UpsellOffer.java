package ru.parus.order.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An item offered beyond the order and the customer's answer, who recorded it and when (R7, R6). */
@Entity
@Table(name = "upsell_offer")
public class UpsellOffer {
    public enum Answer {
        ACCEPTED, DECLINED
    }

    @Id
    public UUID id;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Column(nullable = false)
    public String sku;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Answer answer;

    @Column(nullable = false)
    public int quantity;

    /** The suggestion's reason code, when the offer came from the suggestions. */
    public String reason;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
