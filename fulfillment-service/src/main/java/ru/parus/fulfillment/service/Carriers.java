package ru.parus.fulfillment.service;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ru.parus.fulfillment.config.FulfillmentConfig;
import ru.parus.fulfillment.config.FulfillmentConfig.TrackingFormat;
import ru.parus.platform.problem.ProblemException;

/** The carrier of each delivery method, from configuration, and its tracking-number format (R12). */
@ApplicationScoped
public class Carriers {
    @Inject
    FulfillmentConfig config;

    public FulfillmentConfig.Carrier of(String deliveryMethod) {
        FulfillmentConfig.Carrier carrier = config.carriers().get(deliveryMethod);
        if (carrier == null) {
            throw new IllegalStateException("no carrier configured for delivery method " + deliveryMethod
                    + " (parus.fulfillment.carriers." + deliveryMethod + ".*)");
        }
        return carrier;
    }

    /** R12: a tracking number must have the carrier's format; a wrong one is a 400 problem on {@code trackingNumber}. */
    public void checkTrackingNumber(String deliveryMethod, String number) {
        FulfillmentConfig.Carrier carrier = of(deliveryMethod);
        boolean valid;
        String expected;
        if (carrier.trackingFormat() == TrackingFormat.RUSSIAN_POST) {
            valid = TrackingNumbers.isRussianPost(number);
            expected = "14 digits, or an S10 number such as RA123456785RU with a valid check digit";
        } else {
            String pattern = carrier.trackingPattern().orElse(".+");
            valid = number != null && Pattern.compile(pattern).matcher(number).matches();
            expected = "the pattern " + pattern;
        }
        if (!valid) {
            throw ProblemException.invalidField("trackingNumber", "not a tracking number of " + carrier.name()
                    + "; expected " + expected).with("carrier", carrier.code());
        }
    }
}
