package ru.parus.notification.service.channel;

/** R21: the final delivery status a provider reports for a message it accepted. */
public enum DeliveryState {
    DELIVERED, FAILED
}
