package ru.parus.order.domain;

/** R4: how the customer pays. */
public enum PaymentMethod {
    ONLINE, CASH_TO_COURIER, AT_PICKUP_POINT, AT_TRANSPORT_COMPANY, POST_COD;

    /** Paid before shipping; every other method is collected on delivery. */
    public boolean prepaid() {
        return this == ONLINE;
    }
}
