package ru.parus.order.service;

import java.time.LocalDate;
import java.time.LocalTime;

import ru.parus.order.domain.DeliveryMethod;
import ru.parus.order.domain.PaymentMethod;

/** The terms agreed with the customer (R4, R5); any may still be missing before confirmation. */
public record Terms(PaymentMethod paymentMethod, DeliveryMethod deliveryMethod, String recipientName,
        String recipientPhone, Address address, String pickupPointId, String terminalId, LocalDate deliveryDate,
        LocalTime windowFrom, LocalTime windowTo, String packagingNotes) {

    public record Address(String postalCode, String region, String city, String street, String house,
            String apartment, String comment) {
    }
}
