package ru.parus.customer.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import ru.parus.platform.phone.PhoneNumbers;

/** Platform's phone numbers, reading numbers without a country code in {@code parus.customer.default-region}. */
@ApplicationScoped
public class PhoneNumbersProducer {
    @Produces
    @Singleton
    PhoneNumbers phoneNumbers(CustomerConfig config) {
        return new PhoneNumbers(config.defaultRegion());
    }
}
