package ru.parus.order.event.incoming;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import ru.parus.platform.events.EventType;

/**
 * What order-service reads from {@code customer-events}, as order-service's own records (only the fields it uses;
 * others are ignored). Schemas in docs/events/.
 */
public final class CustomerEvents {
    /** R22, R24: the member naming the customer's owner (present and null: nobody owns the customer). */
    public static final String OWNER = "ownerManagerId";

    private CustomerEvents() {
    }

    /** R3: into order-service's customer projection; R24: names the owner. */
    public record CustomerRegistered(@NotNull UUID customerId, String name, String phone, String email, String type,
            String ownerManagerId) {
        public static final EventType TYPE = EventType.of("customer", "CustomerRegistered", 1);
    }

    /** R24: names the owner only when {@code changedFields} lists {@value CustomerEvents#OWNER}. */
    public record CustomerUpdated(@NotNull UUID customerId, List<String> changedFields, String ownerManagerId) {
        public static final EventType TYPE = EventType.of("customer", "CustomerUpdated", 1);

        public boolean ownerChanged() {
            return changedFields != null && changedFields.contains(OWNER);
        }
    }

    /** R24: CustomerDormant and CustomerReactivated carry the customer's owner too. */
    public record OwnerNamed(@NotNull UUID customerId, String ownerManagerId) {
        public static final EventType DORMANT = EventType.of("customer", "CustomerDormant", 1);
        public static final EventType REACTIVATED = EventType.of("customer", "CustomerReactivated", 1);
    }

    /** R24: the merged-away customer's orders follow the survivor's owner. */
    public record CustomersMerged(@NotNull UUID mergedCustomerId, @NotNull UUID survivingCustomerId) {
        public static final EventType TYPE = EventType.of("customer", "CustomersMerged", 1);
    }

    /**
     * R3, R25: the customer's contacts after a change; the first phone and e-mail are the main ones (the phone a
     * replenishment call uses, the keys a storefront buyer is matched by).
     */
    public record CustomerContactsChanged(@NotNull UUID customerId, List<String> phones, List<String> emails) {
        public static final EventType TYPE = EventType.of("customer", "CustomerContactsChanged", 1);

        public String mainPhone() {
            return phones == null || phones.isEmpty() ? null : phones.get(0);
        }

        public String mainEmail() {
            return emails == null || emails.isEmpty() ? null : emails.get(0);
        }
    }

    /**
     * R21, R25: every channel's consent (a channel not listed has none) at the customer's {@code version}; R25 sends a
     * replenishment only to a customer with a channel allowed.
     */
    public record CustomerConsentChanged(@NotNull UUID customerId, List<Consent> consents, @NotNull Long version) {
        public static final EventType TYPE = EventType.of("customer", "CustomerConsentChanged", 1);

        public record Consent(String channel, boolean granted) {
        }

        /** The channels with consent given, sorted. */
        public List<String> granted() {
            return consents == null ? List.of() : consents.stream().filter(c -> c != null && c.granted() && c.channel() != null)
                    .map(Consent::channel).distinct().sorted().toList();
        }
    }

    /** R24: the customer's personal data were erased on request: blanked in orders and the projection too. */
    public record CustomerErased(@NotNull UUID customerId) {
        public static final EventType TYPE = EventType.of("customer", "CustomerErased", 1);
    }
}
