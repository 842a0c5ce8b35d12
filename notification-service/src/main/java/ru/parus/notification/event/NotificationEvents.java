package ru.parus.notification.event;

import ru.parus.platform.events.EventType;

/** The events this service publishes and reads (schemas under docs/events/). */
public final class NotificationEvents {
    public static final String TOPIC = "notification-events";
    public static final String MESSAGE = "Message";

    public static final EventType MESSAGE_SENT = EventType.of("notification", "MessageSent", 1);
    public static final EventType MESSAGE_FAILED = EventType.of("notification", "MessageFailed", 1);
    public static final EventType MESSAGE_SKIPPED = EventType.of("notification", "MessageSkipped", 1);

    public static final EventType CUSTOMER_CONSENT_CHANGED = EventType.of("customer", "CustomerConsentChanged", 1);
    public static final EventType CUSTOMER_CONTACTS_CHANGED = EventType.of("customer", "CustomerContactsChanged", 1);
    public static final EventType CUSTOMERS_MERGED = EventType.of("customer", "CustomersMerged", 1);
    public static final EventType CUSTOMER_ERASED = EventType.of("customer", "CustomerErased", 1);

    public static final EventType ORDER_PLACED = EventType.of("order", "OrderPlaced", 1);
    public static final EventType ORDER_CONFIRMED = EventType.of("order", "OrderConfirmed", 1);
    public static final EventType ORDER_PAID = EventType.of("order", "OrderPaid", 1);
    public static final EventType ORDER_PAYMENT_OVERDUE = EventType.of("order", "OrderPaymentOverdue", 1);
    public static final EventType REPLENISHMENT_DUE = EventType.of("order", "ReplenishmentDue", 1);
    public static final EventType BONUS_POINTS_EXPIRING = EventType.of("order", "BonusPointsExpiring", 1);

    public static final EventType SHIPMENT_PACKED = EventType.of("fulfillment", "ShipmentPacked", 1);
    public static final EventType SHIPMENT_READY_FOR_PICKUP = EventType.of("fulfillment", "ShipmentReadyForPickup", 1);

    public static final EventType MANAGER_ABSENCE_STARTED = EventType.of("callcenter", "ManagerAbsenceStarted", 1);
    public static final EventType MANAGER_ABSENCE_ENDED = EventType.of("callcenter", "ManagerAbsenceEnded", 1);

    public static final EventType PRODUCT_CHANGED = EventType.of("catalog", "ProductChanged", 1);

    private NotificationEvents() {
    }
}
