package ru.parus.order.domain;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** R25: the head's choice for a product category; a category without a row is {@link ContactFirst#CALL}. */
@Entity
@Table(name = "category_replenishment")
public class CategoryReplenishment {
    @Id
    public String category;

    @Enumerated(EnumType.STRING)
    @Column(name = "contact_first", nullable = false)
    public ContactFirst contactFirst;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;
}
