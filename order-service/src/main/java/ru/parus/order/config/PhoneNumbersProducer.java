package ru.parus.order.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import ru.parus.platform.phone.PhoneNumbers;

/**
 * Platform's phone numbers (R3: storefront buyers' phones in E.164, as customer-service stores them), reading numbers
 * without a country code in {@code parus.order.default-phone-region}.
 */
@ApplicationScoped
public class PhoneNumbersProducer {

    @Produces
    @Singleton
    PhoneNumbers phoneNumbers(OrderConfig config) {
        return new PhoneNumbers(config.defaultPhoneRegion());
    }
}
