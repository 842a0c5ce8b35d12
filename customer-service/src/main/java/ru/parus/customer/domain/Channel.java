package ru.parus.customer.domain;

/** R21: the channels a notice can go through; each needs the customer's consent. */
public enum Channel {
    SMS, EMAIL, TELEGRAM, WHATSAPP, VK
}
