package ru.parus.customer.event;

import java.util.List;
import java.util.Optional;

import ru.parus.platform.events.EventType;

/**
 * R6: this service's reading of the other services' events that go on the customer's timeline
 * (docs/events/*.v1.schema.json). For each: the business time field that becomes the entry's
 * {@code occurredAt}, and the members copied into the entry's summary. The summary is a whitelist of ids,
 * amounts, channels, statuses, outcomes and categories: free text and personal data (phones, names, addresses,
 * complaint texts, answers, reasons typed by people, message bodies) are never copied (R24), so an entry
 * recorded after an erasure carries none either. Unknown members are ignored (tolerant reader).
 */
public final class TimelineEvents {
    /** How the entry finds its customer. */
    public enum Subject {
        /** by the event's customerId; an event without one is not about a customer and is not recorded */
        CUSTOMER,
        /** by customerId, else through the order (OrderPlaced told which customer it belongs to) */
        CUSTOMER_OR_ORDER
    }

    /**
     * @param type the CloudEvents type
     * @param timeField the business time member, required
     * @param subject how the customer is found
     * @param learnsOrder the event states which customer the order belongs to (order-service's and the shipment's)
     * @param fields summary members; {@code a.b} copies the nested member as {@code aB}
     */
    public record Kind(EventType type, String timeField, Subject subject, boolean learnsOrder, List<String> fields) {
        public String name() {
            return type.name();
        }
    }

    public static final List<Kind> ORDER = List.of(
            new Kind(EventType.of("order", "OrderConfirmed", 1), "confirmedAt", Subject.CUSTOMER, true,
                    List.of("orderId", "channel", "managerId", "confirmedBy", "paymentMethod", "deliveryMethod",
                            "requiresPrepayment", "currency", "itemsTotalKopecks", "discountKopecks", "payableKopecks",
                            "cashOnDeliveryKopecks", "bonusSpentKopecks")),
            new Kind(EventType.of("order", "OrderPaid", 1), "paidAt", Subject.CUSTOMER, true,
                    List.of("orderId", "amountKopecks", "currency", "paymentMethod")),
            // reason is typed by a person: left out
            new Kind(EventType.of("order", "OrderCancelled", 1), "cancelledAt", Subject.CUSTOMER, true,
                    List.of("orderId", "cancelledBy", "previousStatus", "managerError", "managerId")),
            new Kind(EventType.of("order", "OrderPaymentOverdue", 1), "overdueSince", Subject.CUSTOMER, true,
                    List.of("orderId", "channel", "managerId", "placedAt", "payableKopecks", "currency")));

    public static final List<Kind> CALLCENTER = List.of(
            // the phone number is left out; the entry is at the call's start, when it happened
            new Kind(EventType.of("callcenter", "CallRegistered", 1), "startedAt", Subject.CUSTOMER, false,
                    List.of("callId", "direction", "status", "managerId", "startedAt", "endedAt", "durationSeconds",
                            "purpose", "outcome", "orderId", "taskId", "source", "registeredAt")),
            new Kind(EventType.of("callcenter", "CallTaskCreated", 1), "createdAt", Subject.CUSTOMER, false,
                    List.of("taskId", "kind", "cause", "orderId", "assignee", "priority", "script", "dueAt")),
            // note is free text: left out
            new Kind(EventType.of("callcenter", "CallTaskCompleted", 1), "completedAt", Subject.CUSTOMER, false,
                    List.of("taskId", "kind", "orderId", "assignee", "outcome", "completedBy", "onTime")),
            new Kind(EventType.of("callcenter", "CallTaskClosed", 1), "closedAt", Subject.CUSTOMER, false,
                    List.of("taskId", "kind", "orderId", "assignee", "reason")),
            // R19: reason and resolution are free text: left out
            new Kind(EventType.of("callcenter", "CallEscalated", 1), "escalatedAt", Subject.CUSTOMER, false,
                    List.of("escalationId", "callId", "managerId", "headId", "taskId")),
            new Kind(EventType.of("callcenter", "EscalationResolved", 1), "resolvedAt", Subject.CUSTOMER, false,
                    List.of("escalationId", "callId", "managerId", "headId", "resolvedBy")),
            // R20: complaints and wishes; the customer's text and the answer are left out
            new Kind(EventType.of("callcenter", "FeedbackReceived", 1), "receivedAt", Subject.CUSTOMER, false,
                    List.of("feedbackId", "kind", "category", "callId", "orderId", "responsible", "deadline",
                            "receivedBy")),
            new Kind(EventType.of("callcenter", "FeedbackAnswered", 1), "answeredAt", Subject.CUSTOMER, false,
                    List.of("feedbackId", "kind", "category", "responsible", "justified", "answeredBy", "onTime")));

    /** R21: every message with its delivery status; the body and the address are not in the events. */
    public static final List<Kind> NOTIFICATION = List.of(
            new Kind(EventType.of("notification", "MessageSent", 1), "sentAt", Subject.CUSTOMER, false,
                    List.of("messageId", "kind", "channel", "cause", "orderId", "attempts")),
            new Kind(EventType.of("notification", "MessageFailed", 1), "failedAt", Subject.CUSTOMER, false,
                    List.of("messageId", "kind", "channel", "cause", "orderId", "reason", "attempts")),
            new Kind(EventType.of("notification", "MessageSkipped", 1), "skippedAt", Subject.CUSTOMER, false,
                    List.of("messageId", "kind", "cause", "orderId", "reason")));

    /** Recipient, address and free-text reasons are left out. */
    public static final List<Kind> FULFILLMENT = List.of(
            new Kind(EventType.of("fulfillment", "ShipmentCreated", 1), "createdAt", Subject.CUSTOMER_OR_ORDER, true,
                    List.of("shipmentId", "orderId", "deliveryMethod", "paymentMethod", "carrier.code", "currency",
                            "declaredValueKopecks", "cashOnDeliveryKopecks")),
            new Kind(EventType.of("fulfillment", "ShipmentPacked", 1), "packedAt", Subject.CUSTOMER_OR_ORDER, false,
                    List.of("shipmentId", "orderId", "deliveryMethod", "weightGrams", "parcels")),
            new Kind(EventType.of("fulfillment", "ShipmentHandedToCarrier", 1), "handedAt", Subject.CUSTOMER_OR_ORDER,
                    false, List.of("shipmentId", "orderId", "carrier.code", "trackingNumber")),
            new Kind(EventType.of("fulfillment", "ShipmentReadyForPickup", 1), "arrivedAt", Subject.CUSTOMER_OR_ORDER,
                    false, List.of("shipmentId", "orderId", "deliveryMethod", "pickupPointId", "terminalId",
                            "trackingNumber", "cashOnDeliveryKopecks")),
            new Kind(EventType.of("fulfillment", "ShipmentDelivered", 1), "deliveredAt", Subject.CUSTOMER_OR_ORDER,
                    false, List.of("shipmentId", "orderId", "cashCollectedKopecks", "currency", "paymentMethod")),
            new Kind(EventType.of("fulfillment", "ShipmentCancelled", 1), "cancelledAt", Subject.CUSTOMER_OR_ORDER,
                    false, List.of("shipmentId", "orderId", "previousStatus")),
            new Kind(EventType.of("fulfillment", "ShipmentReturnRequested", 1), "requestedAt",
                    Subject.CUSTOMER_OR_ORDER, false,
                    List.of("shipmentId", "orderId", "statusAtRequest", "carrier", "trackingNumber")),
            new Kind(EventType.of("fulfillment", "ShipmentReturned", 1), "returnedAt", Subject.CUSTOMER_OR_ORDER,
                    false, List.of("shipmentId", "orderId")));

    private TimelineEvents() {
    }

    /** The kind of a CloudEvents type among {@code kinds}, if it goes on the timeline. */
    public static Optional<Kind> find(List<Kind> kinds, String ceType) {
        return kinds.stream().filter(k -> k.type().ceType().equals(ceType)).findFirst();
    }
}
