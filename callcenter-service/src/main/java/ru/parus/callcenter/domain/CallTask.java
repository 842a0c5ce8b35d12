package ru.parus.callcenter.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A call a manager has to make to a customer (R13, R14, R15, R16); the call itself is registered apart (R18). */
@Entity
@Table(name = "call_task")
public class CallTask {
    @Id
    public UUID id;

    @Column(name = "customer_id")
    public UUID customerId;

    /** Why the call is due: {@link TaskKind}. */
    @Column(nullable = false)
    public String kind;

    /** What made the task, unique per kind: {@code customer:<id>:episode:<n>}, {@code order:<id>}, {@code shipment:<id>}. */
    public String cause;

    @Column(name = "order_id")
    public UUID orderId;

    /** The staff id ({@code sub}) of the manager who is to call; none while unassigned (the head's queue). */
    public String assignee;

    /** OPEN, DONE (completed by a person) or CLOSED (its cause went away). */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TaskStatus status;

    /** {@link Priority#rank()}. */
    public int priority;

    public String script;

    @Column(name = "due_at")
    public OffsetDateTime dueAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    public String outcome;
    public String note;

    @Column(name = "completed_by")
    public String completedBy;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    @Column(name = "closed_reason")
    public String closedReason;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Version
    public long version;

    /** R22: whose task it was before it went to a deputy; it returns to them when the absence ends. */
    @Column(name = "original_assignee")
    public String originalAssignee;

    /** R22: the absence under which the task is with the deputy. */
    @Column(name = "absence_id")
    public UUID absenceId;

    /** CALLBACK: the number to call back (E.164). */
    public String phone;

    /** The registered call behind the task (CALLBACK, ESCALATION). */
    @Column(name = "call_id")
    public UUID callId;

    /** ESCALATION (R19): the escalation the head is to resolve. */
    @Column(name = "escalation_id")
    public UUID escalationId;

    /** DISCOUNT_APPROVAL (R10): the percent the manager asked for. */
    @Column(name = "discount_percent")
    public java.math.BigDecimal discountPercent;

    /** REPLENISHMENT (R25): the product family whose supply runs out; a reorder of any variant closes the task. */
    @Column(name = "family_id")
    public UUID familyId;

    /** REPLENISHMENT (R25): what the customer bought, and when it is expected to run out. */
    public String sku;

    @Column(name = "product_name")
    public String productName;

    @Column(name = "run_out_on")
    public java.time.LocalDate runOutOn;

    /** REPLENISHMENT (R25): the order of the family that closed the task (REORDERED). */
    @Column(name = "reorder_id")
    public UUID reorderId;

    public boolean isOpen() {
        return status == TaskStatus.OPEN;
    }

    /** Done by {@code by} at {@code at} with an outcome; false (nothing changed) unless the task is open. */
    public boolean complete(String by, String outcome, String note, OffsetDateTime at) {
        if (!status.canMoveTo(TaskStatus.DONE)) {
            return false;
        }
        status = TaskStatus.DONE;
        this.outcome = outcome;
        this.note = note;
        completedBy = by;
        completedAt = at;
        return true;
    }

    /** Its cause went away; false (nothing changed) unless the task is open. */
    public boolean close(String reason, OffsetDateTime at) {
        if (!status.canMoveTo(TaskStatus.CLOSED)) {
            return false;
        }
        status = TaskStatus.CLOSED;
        closedReason = reason;
        closedAt = at;
        return true;
    }

    /** Completed by the due time (a task without one is always on time). */
    public boolean completedOnTime() {
        return dueAt == null || !completedAt.isAfter(dueAt);
    }
}
