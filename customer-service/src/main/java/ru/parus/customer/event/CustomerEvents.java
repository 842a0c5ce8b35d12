package ru.parus.customer.event;

import ru.parus.platform.events.EventType;

/** What customer-service publishes on {@value #TOPIC}; schemas in docs/events/. */
public final class CustomerEvents {
    public static final String TOPIC = "customer-events";
    public static final String AGGREGATE = "Customer";
    public static final EventType REGISTERED = EventType.of("customer", "CustomerRegistered", 1);
    /** R14; written by the set-based scan in SQL, see {@code DormancyScanner}. */
    public static final EventType DORMANT = EventType.of("customer", "CustomerDormant", 1);
    public static final EventType REACTIVATED = EventType.of("customer", "CustomerReactivated", 1);

    /** R21 */
    public static final EventType CONTACTS_CHANGED = EventType.of("customer", "CustomerContactsChanged", 1);
    /** R21 */
    public static final EventType CONSENT_CHANGED = EventType.of("customer", "CustomerConsentChanged", 1);

    public static final EventType MERGED = EventType.of("customer", "CustomersMerged", 1);

    /** Name, type, owner, kind and company, tags changed by staff. */
    public static final EventType UPDATED = EventType.of("customer", "CustomerUpdated", 1);

    /** R24 */
    public static final EventType ERASED = EventType.of("customer", "CustomerErased", 1);

    private CustomerEvents() {
    }
}
