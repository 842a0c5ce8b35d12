package ru.parus.callcenter.event.incoming;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import ru.parus.platform.events.EventType;

/** What this service reads from {@code customer-events} (schemas in docs/events/), and only the fields it uses. */
public final class CustomerEvents {
    private CustomerEvents() {
    }

    /** The task queue's customer data and owner; R16's selectors keep the type. */
    public record CustomerRegistered(@NotNull UUID customerId, String name, String phone, String ownerManagerId,
            String type) {
        public static final EventType TYPE = EventType.of("customer", "CustomerRegistered", 1);

        public CustomerRegistered {
            name = Fields.text(name);
            phone = Fields.text(phone);
            ownerManagerId = Fields.text(ownerManagerId);
            type = Fields.text(type);
        }
    }

    public record CustomersMerged(@NotNull UUID survivingCustomerId, @NotNull UUID mergedCustomerId) {
        public static final EventType TYPE = EventType.of("customer", "CustomersMerged", 1);
    }

    /** R14: a reactivation call per dormancy episode; R16's selectors keep the type and the last order. */
    public record CustomerDormant(@NotNull UUID customerId, @NotNull @Positive Integer episode, String ownerManagerId,
            String customerType, String lastOrderAt) {
        public static final EventType TYPE = EventType.of("customer", "CustomerDormant", 1);

        public CustomerDormant {
            ownerManagerId = Fields.text(ownerManagerId);
            customerType = Fields.text(customerType);
        }

        public OffsetDateTime lastOrder() {
            return Fields.time(lastOrderAt);
        }
    }

    public record CustomerReactivated(@NotNull UUID customerId, String orderPlacedAt) {
        public static final EventType TYPE = EventType.of("customer", "CustomerReactivated", 1);

        public OffsetDateTime orderPlaced() {
            return Fields.time(orderPlacedAt);
        }
    }

    /** R18: the phones calls are matched by; blank entries are dropped. */
    public record CustomerContactsChanged(@NotNull UUID customerId, @NotNull List<String> phones,
            @NotNull @PositiveOrZero Long version) {
        public static final EventType TYPE = EventType.of("customer", "CustomerContactsChanged", 1);

        public CustomerContactsChanged {
            phones = phones == null ? null
                    : phones.stream().filter(Objects::nonNull).filter(p -> !p.isBlank()).toList();
        }
    }

    /** R21 (issue 17): the customer's time zone and quiet hours, for the best hour to call; the rest is not read. */
    public record CustomerConsentChanged(@NotNull UUID customerId, QuietHours quietHours, String timeZone,
            @NotNull @PositiveOrZero Long version) {
        public static final EventType TYPE = EventType.of("customer", "CustomerConsentChanged", 1);

        public CustomerConsentChanged {
            timeZone = Fields.text(timeZone);
        }

        /** The customer's zone; null when none or not an IANA zone (the department's applies). */
        public java.time.ZoneId zone() {
            try {
                return timeZone == null ? null : java.time.ZoneId.of(timeZone);
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }

        /** Local times {@code HH:mm[:ss]}; from > to spans midnight. */
        public record QuietHours(String from, String to) {
            /** Both bounds, or null when either is missing or malformed (then the department's quiet hours apply). */
            public ru.parus.callcenter.domain.CallingHours callingHours() {
                try {
                    return from == null || to == null ? null
                            : new ru.parus.callcenter.domain.CallingHours(java.time.LocalTime.parse(from),
                                    java.time.LocalTime.parse(to));
                } catch (java.time.format.DateTimeParseException e) {
                    return null;
                }
            }
        }
    }

    /** R24 */
    public record CustomerErased(@NotNull UUID customerId) {
        public static final EventType TYPE = EventType.of("customer", "CustomerErased", 1);
    }
}
