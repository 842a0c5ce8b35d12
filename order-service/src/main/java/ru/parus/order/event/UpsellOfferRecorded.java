package ru.parus.order.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/** docs/events/UpsellOfferRecorded.v1.schema.json: an offer and the customer's answer (R7). */
public record UpsellOfferRecorded(UUID offerId, UUID orderId, UUID customerId, String channel, String sku, String name,
        String answer, int quantity, String reason, long unitPriceKopecks, String currency, boolean lineAdded,
        long orderTotalKopecks, long answeredOffers, String recordedBy, OffsetDateTime recordedAt) {
}
