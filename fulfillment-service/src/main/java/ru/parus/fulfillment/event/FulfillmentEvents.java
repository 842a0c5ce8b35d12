package ru.parus.fulfillment.event;

import ru.parus.platform.events.EventType;

/**
 * What fulfillment-service publishes on {@value #TOPIC} (schemas in docs/events/) and the order events it reads.
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

    private FulfillmentEvents() {
    }
}
