package ru.parus.order.domain;

import java.math.BigDecimal;
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

    /** R25: servings in one pack; set together with {@link #dailyServings} or not at all. */
    @Column(name = "servings_per_pack")
    public Integer servingsPerPack;

    /** R25: the usual daily intake in servings (up to 3 decimal places). */
    @Column(name = "daily_servings", precision = 8, scale = 3)
    public BigDecimal dailyServings;

    /** R25: the daily intake without trailing zeros (1, 0.5, 10), as views and events show it. */
    public BigDecimal dailyServingsPlain() {
        if (dailyServings == null) {
            return null;
        }
        BigDecimal d = dailyServings.stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    /** R25: the supply of this variant can be timed (both consumption figures known). */
    public boolean consumptionKnown() {
        return servingsPerPack != null && dailyServings != null;
    }

    /** On sale and in stock. */
    public boolean available() {
        return active && stock > 0;
    }
}
