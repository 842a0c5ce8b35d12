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

/** R20: a customer's complaint or wish, routed to the person responsible for its category and tracked until answered. */
@Entity
@Table(name = "feedback")
public class Feedback {
    public static final String COMPLAINT = "COMPLAINT";
    public static final String WISH = "WISH";

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    /** COMPLAINT or WISH. */
    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String category;

    @Column(nullable = false)
    public String text;

    /** The call it was captured in (R18); no foreign key. */
    @Column(name = "call_id")
    public UUID callId;

    @Column(name = "order_id")
    public UUID orderId;

    /** Staff id of the person who answers (routed by category). */
    @Column(nullable = false)
    public String responsible;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FeedbackStatus status;

    @Column(nullable = false)
    public OffsetDateTime deadline;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    public String answer;

    /** Whether the complaint was justified (R23 counts justified complaints). */
    public Boolean justified;

    @Column(name = "answered_by")
    public String answeredBy;

    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;

    @Version
    public long version;

    /** R20: the answer, given once; false (nothing changed) when already answered. */
    public boolean answer(String answer, boolean justified, String by, OffsetDateTime at) {
        if (!status.canMoveTo(FeedbackStatus.ANSWERED)) {
            return false;
        }
        status = FeedbackStatus.ANSWERED;
        this.answer = answer;
        this.justified = justified;
        answeredBy = by;
        answeredAt = at;
        return true;
    }

    /** R20: answered by the deadline. */
    public boolean answeredOnTime() {
        return !answeredAt.isAfter(deadline);
    }
}
