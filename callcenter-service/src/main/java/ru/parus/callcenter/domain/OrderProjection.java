package ru.parus.callcenter.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The customer of an order (from OrderPlaced), for fulfilment events that name only the order (R13). */
@Entity
@Table(name = "order_projection")
public class OrderProjection {
    @Id
    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(name = "manager_id")
    public String managerId;
}
