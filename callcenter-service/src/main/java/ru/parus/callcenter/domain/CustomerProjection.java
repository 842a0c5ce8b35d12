package ru.parus.callcenter.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** This service's copy of what customer-service says about a customer: whom to call and who owns them. */
@Entity
@Table(name = "customer_projection")
public class CustomerProjection {
    @Id
    @Column(name = "customer_id")
    public UUID customerId;

    public String name;
    public String phone;

    @Column(name = "owner_manager_id")
    public String ownerManagerId;

    /** Set when this customer was merged into another (CustomersMerged). */
    @Column(name = "merged_into")
    public UUID mergedInto;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** The customer's version of the last CustomerContactsChanged applied (later versions supersede earlier ones). */
    @Column(name = "contacts_version")
    public Long contactsVersion;
    /** R16 selectors: the customer type (CustomerRegistered, CustomerDormant). */
    @Column(name = "customer_type")
    public String customerType;

    /** R16 selectors: dormant since CustomerDormant, until CustomerReactivated. */
    public boolean dormant;

    /** R16 selectors: the latest order's time (OrderPlaced, CustomerDormant, CustomerReactivated). */
    @Column(name = "last_order_at")
    public OffsetDateTime lastOrderAt;

    /** R16 selectors: the channel of the latest order (LACTOMIN, WATTN, PHONE), from OrderPlaced. */
    @Column(name = "last_storefront")
    public String lastStorefront;

    /** R24: when customer-service erased the customer; such a customer gets no new proactive call (R25). */
    @Column(name = "erased_at")
    public OffsetDateTime erasedAt;

    /** R21: the customer's IANA time zone (CustomerConsentChanged); null: the department's applies. */
    @Column(name = "time_zone")
    public String timeZone;

    /** R21: no calls between these local times (CustomerConsentChanged); null: the department's apply. */
    @Column(name = "quiet_from")
    public java.time.LocalTime quietFrom;

    @Column(name = "quiet_to")
    public java.time.LocalTime quietTo;

    /** R21: {@link CallingHours#mask()} of the quiet hours above; null when the customer set none. */
    @Column(name = "allowed_hours")
    public Integer allowedHours;

    /** The customer's version of the last CustomerConsentChanged applied (later versions supersede earlier ones). */
    @Column(name = "preferences_version")
    public Long preferencesVersion;
}
