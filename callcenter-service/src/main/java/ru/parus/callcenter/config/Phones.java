package ru.parus.callcenter.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import ru.parus.platform.phone.PhoneNumbers;

/** R18: calls' numbers in the one form customer-service keeps (E.164), read in this service's default region. */
public class Phones {
    @Produces
    @Singleton
    PhoneNumbers phoneNumbers(CallCenterConfig config) {
        return new PhoneNumbers(config.defaultPhoneRegion());
    }
}
