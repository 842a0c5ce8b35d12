package ru.parus.order.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The order's status machine (R5, R6); docs/order-service.md draws it. {@link #next()} is the only
 * source of allowed transitions: anything else is refused with a 409 problem.
 */
public enum OrderStatus {
    /** Placed; items and terms are being agreed with the customer. */
    NEW,
    /** Agreed and confirmed; paid on delivery (cash-on-delivery methods). */
    CONFIRMED,
    /** Agreed and confirmed; waits for the online payment. */
    AWAITING_PAYMENT,
    PAID,
    IN_FULFILLMENT,
    READY,
    SHIPPED,
    DELIVERED,
    COMPLETED,
    CANCELLED,
    RETURNED;

    /** The statuses this one may move to. */
    public Set<OrderStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(CONFIRMED, AWAITING_PAYMENT, CANCELLED);
            case CONFIRMED -> EnumSet.of(IN_FULFILLMENT, CANCELLED);
            case AWAITING_PAYMENT -> EnumSet.of(PAID, CANCELLED);
            case PAID -> EnumSet.of(IN_FULFILLMENT, CANCELLED);
            case IN_FULFILLMENT -> EnumSet.of(READY, SHIPPED, CANCELLED);
            case READY -> EnumSet.of(SHIPPED, DELIVERED, CANCELLED);
            case SHIPPED -> EnumSet.of(DELIVERED, RETURNED);
            case DELIVERED -> EnumSet.of(COMPLETED, RETURNED);
            case COMPLETED -> EnumSet.of(RETURNED);
            case CANCELLED, RETURNED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean canMoveTo(OrderStatus target) {
        return next().contains(target);
    }
}
