package ru.parus.platform.phone;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import ru.parus.platform.problem.ProblemException;

/**
 * One number, one form (E.164) in every service: {@code 8 (912) 345-67-89}, {@code +7 912 345 67 89} and
 * {@code 9123456789} are all {@code +79123456789}. Google's libphonenumber parses the many ways people write a number;
 * numbers without a country code are read in the service's default region. Each service makes one from its config
 * and declares {@code com.googlecode.libphonenumber:libphonenumber} itself (optional here).
 */
public class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    /** @param defaultRegion ISO 3166 code for numbers written without a country code, e.g. {@code RU} */
    public PhoneNumbers(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    /** The E.164 form; empty for a blank, unparseable or invalid number. */
    public Optional<String> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(raw, defaultRegion);
            return UTIL.isValidNumber(number)
                    ? Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** The E.164 form, or a validation problem on {@code field}: required when blank, invalid otherwise. */
    public String normalize(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw ProblemException.invalidField(field, "required");
        }
        return parse(raw).orElseThrow(() -> ProblemException.invalidField(field, "not a valid phone number: " + raw));
    }
}
