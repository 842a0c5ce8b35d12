package ru.parus.notification.domain;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** R21: which channels a customer consented to, where each reaches them, and when not to disturb them. */
@Entity
@Table(name = "customer_reachability")
public class CustomerReachability {
    @Id
    @Column(name = "customer_id")
    public UUID customerId;

    /** JSON array of channel names with a granted consent. */
    @Column(name = "granted_channels", nullable = false)
    public String grantedChannels = "[]";

    @Column(name = "preferred_channel")
    public String preferredChannel;

    @Column(name = "quiet_from")
    public LocalTime quietFrom;

    @Column(name = "quiet_to")
    public LocalTime quietTo;

    @Column(name = "time_zone")
    public String timeZone;

    /** JSON object channel -> address. */
    @Column(nullable = false)
    public String addresses = "{}";

    @Column(name = "consent_version", nullable = false)
    public long consentVersion = -1;

    @Column(name = "addresses_version", nullable = false)
    public long addressesVersion = -1;

    /** R24: the manager who owns the customer (ownerManagerId of the customer events), null if nobody does. */
    @Column(name = "owner_manager_id")
    public String ownerManagerId;

    @Column(name = "merged_into")
    public UUID mergedInto;

    @Column(name = "erased_at")
    public OffsetDateTime erasedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
