package ru.parus.fulfillment.event;

import ru.parus.platform.events.EventType;

/**
 * What fulfillment-service publishes on {@value #TOPIC} (schemas in docs/events/) and the events it reads: order
 * events (R12), and customer events and absences that tell it who may read a shipment (R22, R24).
 * Key of every record: the order id, so that all shipment events of one order stay in order on one partition.
 */
public final class FulfillmentEvents {
    public static final String TOPIC = "fulfillment-events";
    public static final String AGGREGATE = "Shipment";

    public static final EventType CREATED = EventType.of("fulfillment", "ShipmentCreated", 1);
    public static final EventType PACKED = EventType.of("fulfillment", "ShipmentPacked", 1);
    public static final EventType HANDED_TO_CARRIER = EventType.of("fulfillment", "ShipmentHandedToCarrier", 1);
    public static final EventType READY_FOR_PICKUP = EventType.of("fulfillment", "ShipmentReadyForPickup", 1);
    public static final EventType DELIVERED = EventType.of("fulfillment", "ShipmentDelivered", 1);
    public static final EventType RETURNED = EventType.of("fulfillment", "ShipmentReturned", 1);
    public static final EventType RETURN_REQUESTED = EventType.of("fulfillment", "ShipmentReturnRequested", 1);
    public static final EventType CANCELLED = EventType.of("fulfillment", "ShipmentCancelled", 1);

    public static final EventType ORDER_CONFIRMED = EventType.of("order", "OrderConfirmed", 1);
    public static final EventType ORDER_PAID = EventType.of("order", "OrderPaid", 1);
    public static final EventType ORDER_CANCELLED = EventType.of("order", "OrderCancelled", 1);

    /** R24: customer events that name the customer's owner manager ({@code ownerManagerId}). */
    public static final EventType CUSTOMER_REGISTERED = EventType.of("customer", "CustomerRegistered", 1);
    public static final EventType CUSTOMER_UPDATED = EventType.of("customer", "CustomerUpdated", 1);
    public static final EventType CUSTOMER_DORMANT = EventType.of("customer", "CustomerDormant", 1);
    public static final EventType CUSTOMER_REACTIVATED = EventType.of("customer", "CustomerReactivated", 1);
    /** R24: the customer's personal data were erased on request: blanked in shipments too. */
    public static final EventType CUSTOMER_ERASED = EventType.of("customer", "CustomerErased", 1);
    /** R24: the merged-away customer's shipments follow the survivor's owner. */
    public static final EventType CUSTOMERS_MERGED = EventType.of("customer", "CustomersMerged", 1);
    /** R22: a deputy reads the absent manager's customers' shipments for the period. */
    public static final EventType MANAGER_ABSENCE_STARTED = EventType.of("callcenter", "ManagerAbsenceStarted", 1);
    public static final EventType MANAGER_ABSENCE_ENDED = EventType.of("callcenter", "ManagerAbsenceEnded", 1);

    private FulfillmentEvents() {
    }
}
