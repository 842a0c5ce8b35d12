package ru.parus.order.domain;

/** Where an order came from (R3): a storefront, or a manager by phone. */
public enum Channel {
    PHONE, LACTOMIN, WATTN
}
