package ru.parus.order.domain;

/** The order's status; the full status machine (confirmed, paid, ...) comes with the order issue. */
public enum OrderStatus {
    PLACED
}
