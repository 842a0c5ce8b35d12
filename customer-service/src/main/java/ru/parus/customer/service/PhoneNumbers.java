package ru.parus.customer.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import ru.parus.customer.config.CustomerConfig;
import ru.parus.platform.problem.ProblemException;

/** One number, one form: {@code 8 (912) 345-67-89}, {@code +7 912 345 67 89} and {@code 9123456789} are all {@code +79123456789}. */
@ApplicationScoped
public class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    @Inject
    CustomerConfig config;

    /** The E.164 form, or a validation problem on {@code field}. */
    public String normalize(String field, String raw) {
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(raw, config.defaultRegion());
            if (!UTIL.isValidNumber(number)) {
                throw ProblemException.invalidField(field, "not a valid phone number: " + raw);
            }
            return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw ProblemException.invalidField(field, "not a phone number: " + raw);
        }
    }
}
