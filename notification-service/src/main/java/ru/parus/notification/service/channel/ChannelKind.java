package ru.parus.notification.service.channel;

/** R21: the channels a message can go through; the names match customer-service's consent channels. */
public enum ChannelKind {
    SMS, EMAIL, TELEGRAM, WHATSAPP, VK
}
