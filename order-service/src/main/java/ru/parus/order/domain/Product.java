package ru.parus.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "product")
public class Product {
    @Id
    public String sku;

    @Column(nullable = false)
    public String name;

    /** The price in kopecks: the only price an order line can get (a client cannot set one). */
    @Column(name = "price_kopecks", nullable = false)
    public long priceKopecks;

    @Column(nullable = false)
    public boolean active;
}
