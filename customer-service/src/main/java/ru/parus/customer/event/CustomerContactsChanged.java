package ru.parus.customer.event;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** docs/events/CustomerContactsChanged.v1.schema.json (R21): the customer's whole contact list after a change. */
public record CustomerContactsChanged(UUID customerId, List<String> phones, List<String> emails,
        List<Messenger> messengers, OffsetDateTime changedAt, String changedBy, long version) {
    public record Messenger(String network, String handle) {
    }
}
