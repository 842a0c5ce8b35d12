package ru.parus.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

@Entity
@Table(name = "order_line")
public class OrderLine {
    /**
     * From the column's own sequence, 50 at a time (V90): the lines of an order are inserted in one JDBC batch at
     * commit instead of one round trip each (issue 15).
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_line_ids")
    @SequenceGenerator(name = "order_line_ids", sequenceName = "order_line_id_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id")
    public Order order;

    @Column(name = "line_no", nullable = false)
    public int lineNo;

    @Column(nullable = false)
    public String sku;

    @Column(nullable = false)
    public String name;

    /** The variant's product family (R1) when the line was added; null for a bare SKU. */
    @Column(name = "family_id")
    public java.util.UUID familyId;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "unit_price_kopecks", nullable = false)
    public long unitPriceKopecks;

    @Column(name = "line_total_kopecks", nullable = false)
    public long lineTotalKopecks;
}
