package ru.parus.order.domain;

/** R4: how the order reaches the customer. */
public enum DeliveryMethod {
    COURIER, PICKUP_POINT, TRANSPORT_COMPANY, RUSSIAN_POST;

    /** Delivered to an address (the door or the post office of the address). */
    public boolean needsAddress() {
        return this == COURIER || this == RUSSIAN_POST;
    }
}
