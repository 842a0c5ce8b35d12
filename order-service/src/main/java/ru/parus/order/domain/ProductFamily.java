package ru.parus.order.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A product of the catalogue (R1): what a manager talks about (name, purpose, usage rules, certificates),
 * sold as variants ({@link Product} rows, one SKU each). The {@code new} and {@code featured} flags hold
 * for a period (R2).
 */
@Entity
@Table(name = "product_family")
public class ProductFamily {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    /** "Назначение". */
    @Column(nullable = false)
    public String purpose;

    /** "Правила применения". */
    @Column(name = "usage_rules", nullable = false)
    public String usageRules;

    @Column(nullable = false)
    public String category;

    /** Storefront codes where it is sold (LACTOMIN, WATTN). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> storefronts = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<Certificate> certificates = new ArrayList<>();

    @Column(name = "new_from")
    public OffsetDateTime newFrom;
    @Column(name = "new_until")
    public OffsetDateTime newUntil;
    @Column(name = "featured_from")
    public OffsetDateTime featuredFrom;
    @Column(name = "featured_until")
    public OffsetDateTime featuredUntil;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** A quality certificate: a document with a download link (R1). */
    public record Certificate(String title, String url, String validUntil) {
    }

    /** R2: a flag holds from its start (inclusive) to its end (exclusive); an open end never ends. */
    public static boolean within(OffsetDateTime from, OffsetDateTime until, OffsetDateTime now) {
        return from != null && !now.isBefore(from) && (until == null || now.isBefore(until));
    }

    public boolean isNew(OffsetDateTime now) {
        return within(newFrom, newUntil, now);
    }

    public boolean isFeatured(OffsetDateTime now) {
        return within(featuredFrom, featuredUntil, now);
    }
}
