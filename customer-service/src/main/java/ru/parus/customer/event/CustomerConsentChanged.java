package ru.parus.customer.event;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * docs/events/CustomerConsentChanged.v1.schema.json (R21): every channel's consent, the preferred channel, quiet
 * hours in the customer's zone and the address per channel, so notification-service decides without calling back.
 */
public record CustomerConsentChanged(UUID customerId, List<Consent> consents, String preferredChannel,
        QuietHours quietHours, String timeZone, Map<String, String> addresses, OffsetDateTime changedAt,
        String changedBy, long version) {
    public record Consent(String channel, boolean granted, OffsetDateTime changedAt, String method) {
    }

    public record QuietHours(LocalTime from, LocalTime to) {
    }
}
