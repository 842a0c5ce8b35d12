package ru.parus.callcenter.event;

import ru.parus.platform.events.EventType;

/** What callcenter-service publishes on {@value #TOPIC}, schemas in docs/events/; what it reads is in {@code event.incoming}. */
public final class CallCenterEvents {
    public static final String TOPIC = "callcenter-events";
    public static final String TASK = "CallTask";
    public static final EventType TASK_CREATED = EventType.of("callcenter", "CallTaskCreated", 1);
    public static final EventType TASK_COMPLETED = EventType.of("callcenter", "CallTaskCompleted", 1);
    public static final EventType TASK_CLOSED = EventType.of("callcenter", "CallTaskClosed", 1);

    // people, calls, escalations (R22, R18, R19)
    public static final String MANAGER = "Manager";
    public static final String CALL = "Call";
    public static final String ESCALATION = "Escalation";
    public static final EventType MANAGER_ABSENCE_STARTED = EventType.of("callcenter", "ManagerAbsenceStarted", 1);
    public static final EventType MANAGER_ABSENCE_ENDED = EventType.of("callcenter", "ManagerAbsenceEnded", 1);
    public static final EventType CALL_REGISTERED = EventType.of("callcenter", "CallRegistered", 1);
    public static final EventType CALL_ESCALATED = EventType.of("callcenter", "CallEscalated", 1);
    public static final EventType ESCALATION_RESOLVED = EventType.of("callcenter", "EscalationResolved", 1);
    // R16, R20: campaigns and feedback
    public static final String CAMPAIGN = "Campaign";
    public static final EventType CAMPAIGN_LAUNCHED = EventType.of("callcenter", "CampaignLaunched", 1);
    public static final String FEEDBACK = "Feedback";
    public static final EventType FEEDBACK_RECEIVED = EventType.of("callcenter", "FeedbackReceived", 1);
    public static final EventType FEEDBACK_ANSWERED = EventType.of("callcenter", "FeedbackAnswered", 1);

    private CallCenterEvents() {
    }
}
