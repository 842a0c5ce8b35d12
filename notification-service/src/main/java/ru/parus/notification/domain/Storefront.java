package ru.parus.notification.domain;

/** The storefronts of the catalogue (R1, R3), as catalogue-events name them. */
public enum Storefront {
    LACTOMIN, WATTN
}
