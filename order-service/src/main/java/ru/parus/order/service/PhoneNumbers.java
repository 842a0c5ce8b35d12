package ru.parus.order.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import ru.parus.order.config.OrderConfig;
import ru.parus.platform.problem.ProblemException;

/** One number, one form (E.164), as customer-service stores it: libphonenumber parses the usual spellings. */
@ApplicationScoped
public class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    @Inject
    OrderConfig config;

    /** The E.164 form, or a validation problem on {@code field}. */
    public String normalize(String field, String raw) {
        return parse(raw).orElseThrow(() -> ProblemException.invalidField(field, "not a valid phone number: " + raw));
    }

    public Optional<String> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(raw, config.defaultPhoneRegion());
            return UTIL.isValidNumber(number)
                    ? Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
