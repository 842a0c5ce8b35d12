package ru.parus.callcenter.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import ru.parus.callcenter.domain.Priority;

/** Thresholds of the task queue; each default is the rule's value. */
@ConfigMapping(prefix = "parus.callcenter")
public interface CallCenterConfig {
    /** R14: a reactivation call to a dormant customer. */
    @WithDefault("NORMAL")
    Priority reactivationPriority();

    /** R14: the reactivation call is due this long after the customer turned dormant. */
    @WithDefault("P3D")
    Duration reactivationDueIn();

    /** R14: the approved dormant-customer script. */
    @WithDefault("dormant-customer")
    String reactivationScript();

    /** R15: a call about an unpaid online order. */
    @WithDefault("HIGH")
    Priority unpaidOrderPriority();

    @WithDefault("PT2H")
    Duration unpaidOrderDueIn();

    /** R15: the approved unpaid-order script. */
    @WithDefault("unpaid-order")
    String unpaidOrderScript();

    /** R13: tell the customer the order is ready, confirm payment and delivery. */
    @WithDefault("HIGH")
    Priority orderReadyPriority();

    @WithDefault("PT1H")
    Duration orderReadyDueIn();

    @WithDefault("order-ready")
    String orderReadyScript();

    /** R25: a replenishment call before the customer's supply of a product runs out. */
    @WithDefault("NORMAL")
    Priority replenishmentPriority();

    /** R25: order-service sends ReplenishmentDue 5 days before the run-out day (by default): call within 3 of them. */
    @WithDefault("P3D")
    Duration replenishmentDueIn();

    /** R25, R17: the approved replenishment script (seeded by V42). */
    @WithDefault("replenishment")
    String replenishmentScript();

    /** R6: the outcome codes a manager records when completing a task. */
    @WithDefault("REACHED_AGREED,REACHED_DECLINED,REACHED_CALL_BACK,NO_ANSWER,WRONG_NUMBER")
    List<String> outcomes();

    /** Largest page of the task list. */
    @WithDefault("100")
    int maxPageSize();

    // --- people, calls, escalations, approvals (R22, R18, R19, R10) ---------------------------------------

    /** R22: how often absences are started and ended (the deputy takes over / hands back). */
    @WithDefault("5s")
    Duration absenceScanInterval();

    /** R10, R19: the head who gets approvals and escalations when the staff table names no head for the manager. */
    Optional<String> defaultHeadId();

    /** R18: the region of numbers written without a country code (8 912 ..., 912 ...). */
    @WithDefault("RU")
    String defaultPhoneRegion();

    /** R18: the shared secret the telephony sends in {@code X-Telephony-Secret}; unset, every webhook call is refused. */
    Optional<String> telephonySecret();

    /** R18: a missed inbound call: the customer is called back. */
    @WithDefault("HIGH")
    Priority callbackPriority();

    @WithDefault("PT30M")
    Duration callbackDueIn();

    /** R19: the head's escalation task. */
    @WithDefault("HIGH")
    Priority escalationPriority();

    @WithDefault("PT4H")
    Duration escalationDueIn();

    /** R10: the head's discount approval task. */
    @WithDefault("HIGH")
    Priority discountApprovalPriority();

    @WithDefault("PT1H")
    Duration discountApprovalDueIn();

    /** Ops: how often the overdue-task gauge is sampled. */
    @WithDefault("15s")
    Duration overdueMetricsInterval();
    /** R16: the priority of a campaign's call tasks (due at the campaign's deadline). */
    @WithDefault("NORMAL")
    Priority campaignPriority();

    /** R20: complaints and wishes. */
    Feedback feedback();

    /** R20: who answers a complaint or a wish, and by when. */
    interface Feedback {
        /** {@code parus.callcenter.feedback.routes.<category>=<staff id>}: the person responsible per category. */
        java.util.Map<String, String> routes();

        /** The person responsible for a category without a route: the head of the department. */
        @WithDefault("head-1")
        String defaultResponsible();

        /** R20: a complaint is answered within this. */
        @WithDefault("P3D")
        Duration complaintAnswerWithin();

        /** R20: a wish (suggestion) is answered within this. */
        @WithDefault("P7D")
        Duration wishAnswerWithin();
    }

    /** GET /tasks/stream: how often an open stream reads the task changes (every replica's, from the database). */
    @WithDefault("250ms")
    Duration streamPollEvery();

    /** GET /tasks/stream: a comment line after this long without an event, so proxies keep the connection. */
    @WithDefault("15s")
    Duration streamHeartbeatEvery();

    /** GET /tasks/stream: at most this many changes are read per poll (the rest on the next one). */
    @WithDefault("100")
    int streamMaxPerPoll();
}
