package ru.parus.order.domain;

/** R25: how a replenishment starts, chosen by the head per product category. */
public enum ContactFirst {
    /** callcenter-service makes a replenishment call task for the owner manager (or the deputy, R22): the default. */
    CALL,
    /** notification-service sends a reminder by the customer's preferred consented channel (R21). */
    MESSAGE
}
