package ru.parus.customer.domain;

/** R21: how a consent was given or withdrawn. */
public enum ConsentMethod {
    CALL, STOREFRONT, WRITTEN
}
