package ru.parus.callcenter.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import ru.parus.callcenter.config.CallCenterConfig;
import ru.parus.platform.problem.ProblemException;

/**
 * R18: a call's number in the one form customer-service keeps (E.164), so that {@code 8 (912) 345-67-89} finds the
 * customer stored as {@code +79123456789}. libphonenumber, as customer-service does, instead of hand-written rules.
 */
@ApplicationScoped
public class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    @Inject
    CallCenterConfig config;

    /** The E.164 form, or a validation problem on {@code field}. */
    public String normalize(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw ProblemException.invalidField(field, "required");
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(raw, config.defaultPhoneRegion());
            if (!UTIL.isValidNumber(number)) {
                throw ProblemException.invalidField(field, "not a valid phone number: " + raw);
            }
            return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw ProblemException.invalidField(field, "not a phone number: " + raw);
        }
    }
}
