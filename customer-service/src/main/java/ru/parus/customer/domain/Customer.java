package ru.parus.customer.domain;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "customer")
public class Customer {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    /** E.164, e.g. {@code +79123456789}. */
    public String phone;

    public String email;

    @Column(nullable = false)
    public String type;

    @Column(name = "owner_manager_id")
    public String ownerManagerId;

    /** PHONE (registered by a manager), LACTOMIN or WATTN (a storefront buyer, from OrderPlaced). */
    @Column(name = "registered_via")
    public String registeredVia;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "last_order_at")
    public OffsetDateTime lastOrderAt;

    @Column(name = "order_count", nullable = false)
    public int orderCount;

    /** R14: lifetime value, the sum of the orders' totals in kopecks. */
    @Column(name = "lifetime_value_kopecks", nullable = false)
    public long lifetimeValueKopecks;

    /** R14: the moment dormancy is measured from (the last order, or the registration). */
    @Column(name = "active_at", nullable = false)
    public OffsetDateTime activeAt;

    /** R14: set while the customer is dormant, by the set-based scan; cleared by the next order. */
    @Column(name = "dormant_since")
    public OffsetDateTime dormantSince;

    /** R14: how many dormancy episodes the customer has had. */
    @Column(name = "dormancy_episode", nullable = false)
    public int dormancyEpisode;

    /** R21: the channel the customer prefers (among those consented). */
    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_channel")
    public Channel preferredChannel;

    /** R21: no notices between these local times, in {@link #timeZone}. */
    @Column(name = "quiet_from")
    public LocalTime quietFrom;

    @Column(name = "quiet_to")
    public LocalTime quietTo;

    /** R21: IANA zone, e.g. {@code Asia/Yekaterinburg}. */
    @Column(name = "time_zone")
    public String timeZone;

    /** The last change of contacts or preferences by staff. */
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** Set when the head merged this customer into another; the id keeps resolving to that one. */
    @Column(name = "merged_into")
    public UUID mergedInto;

    @Column(name = "merged_at")
    public OffsetDateTime mergedAt;

    /** PERSON or COMPANY. */
    @Column(nullable = false)
    public String kind = "PERSON";

    /** A company's legal name, INN (10 digits, check digit verified) and KPP (9 characters). */
    @Column(name = "legal_name")
    public String legalName;

    public String inn;

    public String kpp;

    /** R24: set when an ADMIN erased the customer's personal data on their request. */
    @Column(name = "erased_at")
    public OffsetDateTime erasedAt;

    @Column(name = "erased_by")
    public String erasedBy;

    @Column(name = "erasure_reference")
    public String erasureReference;

    @Version
    public long version;

    /** Activity from order-service's events: the latest order time wins, whatever the delivery order. */
    public void recordOrder(OffsetDateTime placedAt, long totalKopecks) {
        orderCount++;
        lifetimeValueKopecks += totalKopecks;
        if (lastOrderAt == null || placedAt.isAfter(lastOrderAt)) {
            lastOrderAt = placedAt;
        }
        if (activeAt == null || placedAt.isAfter(activeAt)) {
            activeAt = placedAt;
        }
    }

    public boolean erased() {
        return erasedAt != null;
    }

    public boolean dormant() {
        return dormantSince != null;
    }
}
