package ru.parus.order.domain;

import java.util.UUID;

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

    /** The product family this variant belongs to (R1); null for a bare SKU. */
    @Column(name = "family_id")
    public UUID familyId;

    public String flavour;

    public String size;

    /** Units in stock: a variant with none is not offered (R7). */
    @Column(nullable = false)
    public int stock;

    /** On sale and in stock. */
    public boolean available() {
        return active && stock > 0;
    }
}
