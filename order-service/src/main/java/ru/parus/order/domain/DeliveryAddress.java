package ru.parus.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A delivery address for COURIER and RUSSIAN_POST (R5). */
@Embeddable
public class DeliveryAddress {
    @Column(name = "address_postal_code")
    public String postalCode;
    @Column(name = "address_region")
    public String region;
    @Column(name = "address_city")
    public String city;
    @Column(name = "address_street")
    public String street;
    @Column(name = "address_house")
    public String house;
    @Column(name = "address_apartment")
    public String apartment;
    @Column(name = "address_comment")
    public String comment;

    public boolean isComplete() {
        return notBlank(city) && notBlank(street) && notBlank(house);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
