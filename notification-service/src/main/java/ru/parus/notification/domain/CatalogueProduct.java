package ru.parus.notification.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A catalogue product as the latest ProductChanged says (R1), kept for managers' attachments (R21): the price list
 * and the product's certificates. Storefronts, certificates and variants are the event's arrays, as JSON.
 */
@Entity
@Table(name = "catalogue_product")
public class CatalogueProduct {
    @Id
    @Column(name = "product_id")
    public UUID productId;

    /** The event's version: a newer one wins, an older or equal one is ignored. */
    @Column(nullable = false)
    public long version;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String category;

    @Column(nullable = false)
    public String storefronts = "[]";

    @Column(nullable = false)
    public String certificates = "[]";

    @Column(nullable = false)
    public String variants = "[]";

    @Column(name = "changed_at")
    public OffsetDateTime changedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
