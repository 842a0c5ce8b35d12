package ru.parus.order.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One line of the cross-sell map (R8), edited by the head. */
@Entity
@Table(name = "cross_sell_rule")
public class CrossSellRule {
    public enum Kind {
        /** "with product X offer Y" */
        WITH_PRODUCT,
        /** "to customer type T offer Z" */
        FOR_CUSTOMER_TYPE
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "trigger_sku")
    public String triggerSku;

    @Column(name = "customer_type")
    public String customerType;

    @Column(name = "offer_sku", nullable = false)
    public String offerSku;

    /** Higher first. */
    @Column(nullable = false)
    public int priority;

    @Column(name = "valid_from")
    public OffsetDateTime validFrom;

    @Column(name = "valid_until")
    public OffsetDateTime validUntil;

    public String note;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
