package ru.parus.callcenter.domain;

/**
 * R23: a figure a manager is evaluated by, computed from registered data for a period. Each measured metric is
 * one aggregate over one table, per manager; derived ones are ratios of two measured ones, so the department's
 * value is the ratio of its totals rather than an average of the managers' ratios.
 */
public enum KpiMetric {
    /** R18: calls the manager took (inbound, not missed) and made (outbound). */
    INBOUND_CALLS(Source.CALLS, "count(*)", "direction = 'INBOUND' AND status <> 'MISSED'"),
    OUTBOUND_CALLS(Source.CALLS, "count(*)", "direction = 'OUTBOUND'"),
    /** R18: talk time in seconds over both directions. */
    TALK_SECONDS(Source.CALLS, "sum(duration_seconds)", "status <> 'MISSED'"),
    /** Proactive calls made (R14, R15, R13, R16): tasks of those kinds completed with an outcome. */
    PROACTIVE_CALLS(Source.TASKS, "count(*)", "kind IN ('REACTIVATION', 'UNPAID_ORDER', 'ORDER_READY', 'ASSIGNED')"),
    /** ... of which the customer was reached. */
    PROACTIVE_REACHED(Source.TASKS, "count(*)",
            "kind IN ('REACTIVATION', 'UNPAID_ORDER', 'ORDER_READY', 'ASSIGNED') AND outcome LIKE 'REACHED%'"),
    /** ... of which the customer agreed (to order again, to pay, to the delivery). */
    PROACTIVE_AGREED(Source.TASKS, "count(*)",
            "kind IN ('REACTIVATION', 'UNPAID_ORDER', 'ORDER_READY', 'ASSIGNED') AND outcome = 'REACHED_AGREED'"),
    /** Orders the manager took (placed with their id). */
    ORDERS_TAKEN(Source.ORDERS, "count(*)", null),
    REVENUE_KOPECKS(Source.ORDERS, "sum(total_kopecks)", null),
    AVERAGE_ORDER_KOPECKS(REVENUE_KOPECKS, ORDERS_TAKEN, 0),
    /** Orders cancelled for the manager's mistake in taking them (precision of order taking). */
    ORDER_ERRORS(Source.CANCELLED_ORDERS, "count(*)", "manager_error"),
    /** R7: extra items offered and recorded with the customer's answer. */
    UPSELL_OFFERS(Source.UPSELL, "count(*)", null),
    UPSELL_ACCEPTED(Source.UPSELL, "count(*)", "accepted"),
    UPSELL_ACCEPTANCE_RATE(UPSELL_ACCEPTED, UPSELL_OFFERS, 4),
    TASKS_DONE(Source.TASKS, "count(*)", null),
    TASKS_DONE_ON_TIME(Source.TASKS, "count(*)", "due_at IS NULL OR completed_at <= due_at"),
    TASKS_ON_TIME_RATE(TASKS_DONE_ON_TIME, TASKS_DONE, 4),
    /** R17: calls that followed a script. */
    SCRIPT_RUNS(Source.SCRIPT_RUNS, "count(*)", null),
    /** R17, R23: the mean of the runs' script-quality scores (mandatory steps covered over those on the path). */
    SCRIPT_QUALITY(Source.SCRIPT_RUNS, "round(avg(quality), 4)", null),
    /** R17: offers made by script (upsell, reactivation offers). */
    SCRIPT_OFFERS(Source.SCRIPT_RUNS, "sum(offers_made)", null),
    /** R20, R23: complaints answered as justified, against the manager of the call or order they were about. */
    JUSTIFIED_COMPLAINTS(Source.JUSTIFIED_COMPLAINTS, "count(*)", null),
    /** R25: replenishment-call tasks made in the period, per the manager who holds them. */
    REPLENISHMENT_TASKS(Source.REPLENISHMENT_TASKS, "count(*)", null),
    /** R25: ... of which the customer was reached (a REACHED_* outcome, or an answered call on the task / with them). */
    REPLENISHMENT_REACHED(Source.REPLENISHMENT_TASKS, "count(*)", "reached"),
    /** R25: ... of which the customer ordered the family again (not cancelled) within the window (14 days). */
    REPLENISHMENT_CONVERTED(Source.REPLENISHMENT_TASKS, "count(*)", "converted"),
    /** R25: the total of those converting orders, each order once (for the earliest task it converts). */
    REPLENISHMENT_REVENUE_KOPECKS(Source.REPLENISHMENT_ORDERS, "sum(total_kopecks)", null),
    /** Issue 17: calls made for a task inside the task's suggested window (as it was when the call began) ... */
    WINDOW_CALLS(Source.CALLS, "count(*)", "in_suggested_window"),
    /** ... of which the customer was reached */
    WINDOW_REACHED(Source.CALLS, "count(*)", "in_suggested_window AND outcome LIKE 'REACHED%'"),
    WINDOW_REACH_RATE(WINDOW_REACHED, WINDOW_CALLS, 4),
    /** Issue 17: calls made for a task that had a suggested window, outside it ... */
    OUTSIDE_WINDOW_CALLS(Source.CALLS, "count(*)", "NOT in_suggested_window"),
    /** ... of which the customer was reached */
    OUTSIDE_WINDOW_REACHED(Source.CALLS, "count(*)", "NOT in_suggested_window AND outcome LIKE 'REACHED%'"),
    OUTSIDE_WINDOW_REACH_RATE(OUTSIDE_WINDOW_REACHED, OUTSIDE_WINDOW_CALLS, 4);

    /** The table a measured metric reads, with its manager and time columns. */
    public enum Source {
        TASKS("call_task", "completed_by", "completed_at", "status = 'DONE'"),
        ORDERS("order_projection", "manager_id", "placed_at", null),
        CANCELLED_ORDERS("order_projection", "manager_id", "cancelled_at", null),
        UPSELL("upsell_offer", "manager_id", "recorded_at", null),
        CALLS("phone_call", "manager_id", "started_at", null),
        SCRIPT_RUNS("script_run", "manager_id", "recorded_at", null),
        JUSTIFIED_COMPLAINTS("kpi_justified_complaint", "manager_id", "answered_at", null),
        /** R25: each replenishment task: was its customer reached, did they reorder the family in time. */
        REPLENISHMENT_TASKS("""
                (SELECT t.assignee AS manager_id, t.created_at,
                        (t.outcome LIKE 'REACHED%' OR EXISTS (SELECT 1 FROM phone_call c
                            WHERE c.status <> 'MISSED' AND c.answered_at IS NOT NULL
                            AND coalesce(c.outcome, 'REACHED') LIKE 'REACHED%'
                            AND (c.task_id = t.id OR (c.customer_id = t.customer_id AND c.direction = 'OUTBOUND'
                                 AND c.started_at >= t.created_at
                                 AND c.started_at < coalesce(t.completed_at, t.closed_at, 'infinity'))))) AS reached,
                        EXISTS (SELECT 1 FROM order_projection o
                            JOIN order_family f ON f.order_id = o.order_id AND f.family_id = t.family_id
                            WHERE o.customer_id = t.customer_id AND o.cancelled_at IS NULL
                            AND o.placed_at >= t.created_at
                            AND o.placed_at < t.created_at + make_interval(secs => :conversionSeconds)) AS converted
                 FROM call_task t WHERE t.kind = 'REPLENISHMENT') r""", "manager_id", "created_at", null),
        /**
         * R25: each converting order once, for the earliest task it converts (two tasks of one customer do not count
         * one order twice), at that task's creation time.
         */
        REPLENISHMENT_ORDERS("""
                (SELECT DISTINCT ON (o.order_id) t.assignee AS manager_id, t.created_at, o.total_kopecks
                 FROM call_task t JOIN order_projection o ON o.customer_id = t.customer_id
                     AND o.cancelled_at IS NULL AND o.placed_at >= t.created_at
                     AND o.placed_at < t.created_at + make_interval(secs => :conversionSeconds)
                 JOIN order_family f ON f.order_id = o.order_id AND f.family_id = t.family_id
                 WHERE t.kind = 'REPLENISHMENT' AND t.assignee IS NOT NULL
                 ORDER BY o.order_id, t.created_at, t.id) r""", "manager_id", "created_at", null);

        /** R25: the named parameter of the conversion window (seconds) in the tables that use it. */
        public static final String CONVERSION_SECONDS = "conversionSeconds";

        public final String table;
        public final String managerColumn;
        public final String timeColumn;
        public final String condition;

        Source(String table, String managerColumn, String timeColumn, String condition) {
            this.table = table;
            this.managerColumn = managerColumn;
            this.timeColumn = timeColumn;
            this.condition = condition;
        }
    }

    public final Source source;
    public final String aggregate;
    public final String condition;
    public final KpiMetric numerator;
    public final KpiMetric denominator;
    public final int scale;

    KpiMetric(Source source, String aggregate, String condition) {
        this.source = source;
        this.aggregate = aggregate;
        this.condition = condition;
        this.numerator = null;
        this.denominator = null;
        this.scale = 0;
    }

    KpiMetric(KpiMetric numerator, KpiMetric denominator, int scale) {
        this.source = null;
        this.aggregate = null;
        this.condition = null;
        this.numerator = numerator;
        this.denominator = denominator;
        this.scale = scale;
    }

    public boolean derived() {
        return numerator != null;
    }

    /** The name in JSON and CSV: {@code ORDERS_TAKEN} -> {@code ordersTaken}. */
    public String jsonName() {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : name().toLowerCase().toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    public static KpiMetric fromJsonName(String name) {
        for (KpiMetric m : values()) {
            if (m.jsonName().equals(name)) {
                return m;
            }
        }
        return null;
    }
}
