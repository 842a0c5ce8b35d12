package ru.parus.order.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** R11: a customer's bonus points (1 point = 1 kopeck). */
@Entity
@Table(name = "bonus_account")
public class BonusAccount {
    @Id
    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "balance_points", nullable = false)
    public long balancePoints;
}
