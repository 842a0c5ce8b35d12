package ru.parus.notification.service.channel;

import java.time.Instant;

/**
 * A provider's delivery-status callback, parsed (R21: every message is logged with its delivery status). Fired
 * as a CDI event; the delivery log observes it and finds its entry by {@code providerMessageId}, the id the
 * channel's {@link SendResult.Accepted} carried.
 *
 * @param at when the provider says the status changed
 * @param detail the provider's status in words, for people; never the address or the text
 */
public record DeliveryReport(String providerMessageId, ChannelKind channel, DeliveryState state, Instant at,
        String detail) {
}
