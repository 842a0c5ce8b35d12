package ru.parus.order.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "customer_order")
public class Order {
    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderStatus status;

    /** The manager who took a phone order (R3). */
    @Column(name = "manager_id")
    public String managerId;

    @Column(name = "placed_at", nullable = false)
    public OffsetDateTime placedAt;

    @Column(nullable = false)
    public String currency;

    @Column(name = "total_kopecks", nullable = false)
    public long totalKopecks;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** SHA-256 of the request that used the idempotency key: the same key with another body is refused. */
    @Column(name = "request_hash")
    public String requestHash;

    @Version
    public long version;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNo")
    public List<OrderLine> lines = new ArrayList<>();

    /** Whether lines may still be added or changed (an accepted upsell offer adds one, R7). */
    public boolean acceptsLineChanges() {
        return status == OrderStatus.PLACED;
    }

    public void addLine(Product product, int quantity) {
        OrderLine line = new OrderLine();
        line.order = this;
        line.lineNo = lines.size() + 1;
        line.sku = product.sku;
        line.name = product.name;
        line.quantity = quantity;
        line.unitPriceKopecks = product.priceKopecks;
        line.lineTotalKopecks = Math.multiplyExact(product.priceKopecks, quantity);
        lines.add(line);
        totalKopecks = Math.addExact(totalKopecks, line.lineTotalKopecks);
    }
}
