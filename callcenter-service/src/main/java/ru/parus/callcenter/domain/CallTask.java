package ru.parus.callcenter.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A call a manager has to make to a customer (R14, R15, R16); the call itself is registered apart (R18). */
@Entity
@Table(name = "call_task")
public class CallTask {
    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    /** Why the call is due: a dormant customer (R14), an unpaid order (R15), an assignment (R16). */
    @Column(nullable = false)
    public String kind;

    /** The staff id ({@code sub}) of the manager who is to call; none while unassigned. */
    public String assignee;

    @Column(nullable = false)
    public String status;

    @Column(name = "due_at")
    public OffsetDateTime dueAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Version
    public long version;
}
