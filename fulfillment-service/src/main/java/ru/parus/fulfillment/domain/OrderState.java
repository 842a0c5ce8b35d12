package ru.parus.fulfillment.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What fulfilment has heard of an order on {@code order-events} (R12): the confirmed order is kept until it
 * may be shipped (at once for cash on delivery, after OrderPaid for online payment). Events of one order may
 * come in any order after a replay; each fills its own columns.
 */
@Entity
@Table(name = "order_state")
public class OrderState {
    @Id
    @Column(name = "order_id")
    public UUID orderId;

    /** The OrderConfirmed.v1 payload as received (tolerant reader: read again with unknown fields ignored). */
    @Column(name = "confirmed_payload")
    public String confirmedPayload;

    @Column(name = "requires_prepayment")
    public Boolean requiresPrepayment;

    @Column(name = "paid_at")
    public OffsetDateTime paidAt;

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
