package ru.parus.order.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One registered change of an order (R6): who, when, what, from which status to which, why. */
@Entity
@Table(name = "order_history")
public class OrderHistoryEntry {
    /** What changed. */
    public enum Kind {
        PLACED, STATUS, TERMS, LINES, PAYMENT, PAYMENT_OVERDUE, DISCOUNT
    }

    /**
     * From the column's own sequence, 50 at a time (V90), so that history rows batch with the order's other inserts
     * (issue 15). Ids still rise within one transaction, which the status stream's (tx, id) cursor relies on; SQL
     * that inserts history rows itself takes the sequence's next value, which no block handed out here contains.
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_history_ids")
    @SequenceGenerator(name = "order_history_ids", sequenceName = "order_history_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Column(nullable = false)
    public OffsetDateTime at;

    /** A staff id, or a system actor such as {@code storefront:LACTOMIN} or {@code payment-provider}. */
    @Column(nullable = false)
    public String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public OrderStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public OrderStatus toStatus;

    public String reason;

    /** What changed, as JSON (e.g. the new terms). */
    public String details;

    /**
     * The writing transaction (V60's column default), read only. An order's entries are in (tx, id) order: ids alone
     * are not, since rows inserted by SQL (the reactive placement, the R15 scan) take a sequence value above the
     * blocks Hibernate may still be handing out.
     */
    @Column(insertable = false, updatable = false)
    public Long tx;
}
