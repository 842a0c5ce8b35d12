package ru.parus.callcenter.event;

import ru.parus.platform.events.EventType;

/** What callcenter-service publishes on {@value #TOPIC}, and the types it consumes; schemas in docs/events/. */
public final class CallCenterEvents {
    public static final String TOPIC = "callcenter-events";
    public static final String TASK = "CallTask";
    public static final EventType TASK_CREATED = EventType.of("callcenter", "CallTaskCreated", 1);
    public static final EventType TASK_COMPLETED = EventType.of("callcenter", "CallTaskCompleted", 1);
    public static final EventType TASK_CLOSED = EventType.of("callcenter", "CallTaskClosed", 1);

    // consumed
    public static final EventType CUSTOMER_REGISTERED = EventType.of("customer", "CustomerRegistered", 1);
    public static final EventType CUSTOMERS_MERGED = EventType.of("customer", "CustomersMerged", 1);
    public static final EventType CUSTOMER_DORMANT = EventType.of("customer", "CustomerDormant", 1);
    public static final EventType CUSTOMER_REACTIVATED = EventType.of("customer", "CustomerReactivated", 1);
    public static final EventType ORDER_PLACED = EventType.of("order", "OrderPlaced", 1);
    public static final EventType ORDER_PAYMENT_OVERDUE = EventType.of("order", "OrderPaymentOverdue", 1);
    public static final EventType ORDER_PAID = EventType.of("order", "OrderPaid", 1);
    public static final EventType ORDER_CANCELLED = EventType.of("order", "OrderCancelled", 1);
    public static final EventType UPSELL_OFFER_RECORDED = EventType.of("order", "UpsellOfferRecorded", 1);
    public static final EventType SHIPMENT_PACKED = EventType.of("fulfillment", "ShipmentPacked", 1);
    public static final EventType SHIPMENT_READY_FOR_PICKUP = EventType.of("fulfillment", "ShipmentReadyForPickup", 1);

    // people, calls, escalations (R22, R18, R19)
    public static final String MANAGER = "Manager";
    public static final String CALL = "Call";
    public static final String ESCALATION = "Escalation";
    public static final EventType MANAGER_ABSENCE_STARTED = EventType.of("callcenter", "ManagerAbsenceStarted", 1);
    public static final EventType MANAGER_ABSENCE_ENDED = EventType.of("callcenter", "ManagerAbsenceEnded", 1);
    public static final EventType CALL_REGISTERED = EventType.of("callcenter", "CallRegistered", 1);
    public static final EventType CALL_ESCALATED = EventType.of("callcenter", "CallEscalated", 1);
    public static final EventType ESCALATION_RESOLVED = EventType.of("callcenter", "EscalationResolved", 1);
    // consumed (R10, R18)
    public static final EventType DISCOUNT_APPROVAL_REQUESTED = EventType.of("order", "DiscountApprovalRequested", 1);
    public static final EventType DISCOUNT_APPROVED = EventType.of("order", "DiscountApproved", 1);
    public static final EventType DISCOUNT_REJECTED = EventType.of("order", "DiscountRejected", 1);
    public static final EventType CUSTOMER_CONTACTS_CHANGED = EventType.of("customer", "CustomerContactsChanged", 1);
    public static final EventType CUSTOMER_ERASED = EventType.of("customer", "CustomerErased", 1);
    // R16, R20: campaigns and feedback
    public static final String CAMPAIGN = "Campaign";
    public static final EventType CAMPAIGN_LAUNCHED = EventType.of("callcenter", "CampaignLaunched", 1);
    public static final String FEEDBACK = "Feedback";
    public static final EventType FEEDBACK_RECEIVED = EventType.of("callcenter", "FeedbackReceived", 1);
    public static final EventType FEEDBACK_ANSWERED = EventType.of("callcenter", "FeedbackAnswered", 1);

    private CallCenterEvents() {
    }
}
