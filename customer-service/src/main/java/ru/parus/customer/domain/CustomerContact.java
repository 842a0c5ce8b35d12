package ru.parus.customer.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One phone (E.164), e-mail (lower case) or messenger handle of a customer (R21). */
@Entity
@Table(name = "customer_contact")
public class CustomerContact {
    public static final String PHONE = "PHONE";
    public static final String EMAIL = "EMAIL";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    /** PHONE, EMAIL, TELEGRAM, WHATSAPP or VK. */
    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String value;

    /** 0 is the main one of its kind. */
    @Column(nullable = false)
    public int position;

    public static CustomerContact of(UUID customerId, String kind, String value, int position) {
        CustomerContact c = new CustomerContact();
        c.customerId = customerId;
        c.kind = kind;
        c.value = value;
        c.position = position;
        return c;
    }
}
