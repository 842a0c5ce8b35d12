package ru.parus.notification.service.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import ru.parus.notification.config.ChannelsConfig;
import ru.parus.platform.problem.Credential;
import ru.parus.platform.problem.ProblemException;

/**
 * R21: SMSC.ru's delivery-status callbacks (form fields id, phone, status, err, time), turned into a
 * {@link DeliveryReport} fired as a CDI event. Only final statuses make a report; SMSC also reports
 * intermediate ones (waiting, passed to the operator), which change nothing in the log.
 */
@ApplicationScoped
public class SmscStatusCallbacks {
    private static final Logger LOG = Logger.getLogger(SmscStatusCallbacks.class);
    /** SMSC writes its times in Moscow time. */
    private static final ZoneId SMSC_ZONE = ZoneId.of("Europe/Moscow");
    private static final DateTimeFormatter SMSC_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

    @Inject
    ChannelsConfig config;
    @Inject
    Clock clock;
    @Inject
    Event<DeliveryReport> reports;

    /** The callback URL carries the shared secret; without the configured one the call is refused (401). */
    public void authenticate(String secret) {
        Optional<String> expected = config.sms().smsc().callbackSecret();
        if (expected.isEmpty() || secret == null || !MessageDigest.isEqual(
                expected.get().getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))) {
            throw ProblemException.unauthorized(Credential.query("SMSC callback secret", "secret"),
                    "Send the callback secret configured for SMSC in the query parameter 'secret'");
        }
    }

    /** Parses one callback and fires its report when the status is final; answers what was fired, if anything. */
    public Optional<DeliveryReport> receive(String id, String status, String err, String time) {
        if (id == null || id.isBlank()) {
            throw ProblemException.invalidField("id", "required: the message id SMSC reports on");
        }
        int code = integer("status", status);
        Optional<DeliveryState> state = stateOf(code);
        if (state.isEmpty()) {
            LOG.debugf("SMSC status %d for %s is not final", code, id);
            return Optional.empty();
        }
        String detail = "SMSC status " + code + ": " + describe(code)
                + (err == null || err.isBlank() || err.equals("0") ? "" : "; error " + err.strip());
        DeliveryReport report = new DeliveryReport(id.strip(), ChannelKind.SMS, state.get(), instant(time), detail);
        reports.fire(report);
        return Optional.of(report);
    }

    /**
     * R21: SMSC's message statuses. Delivered, read and link-clicked mean delivered; expired, undeliverable,
     * invalid number, forbidden, no money and unreachable number are final failures; the rest (not found,
     * waiting, passed to the operator, or a code unknown to us) are not final.
     */
    static Optional<DeliveryState> stateOf(int status) {
        return switch (status) {
            case 1, 2, 4 -> Optional.of(DeliveryState.DELIVERED);
            case 3, 20, 22, 23, 24, 25 -> Optional.of(DeliveryState.FAILED);
            default -> Optional.empty();
        };
    }

    private static String describe(int status) {
        return switch (status) {
            case 1 -> "delivered";
            case 2 -> "read";
            case 4 -> "link clicked";
            case 3 -> "expired";
            case 20 -> "cannot be delivered";
            case 22 -> "invalid number";
            case 23 -> "forbidden";
            case 24 -> "not enough money";
            case 25 -> "number unreachable";
            default -> "unknown";
        };
    }

    /** Unix seconds, or SMSC's {@code dd.MM.yyyy HH:mm:ss} in Moscow time; now when SMSC sends none. */
    private Instant instant(String time) {
        if (time == null || time.isBlank()) {
            return clock.instant();
        }
        String t = time.strip();
        try {
            return t.chars().allMatch(Character::isDigit) ? Instant.ofEpochSecond(Long.parseLong(t))
                    : LocalDateTime.parse(t, SMSC_TIME).atZone(SMSC_ZONE).toInstant();
        } catch (NumberFormatException | DateTimeParseException e) {
            throw ProblemException.invalidField("time", "Unix seconds or dd.MM.yyyy HH:mm:ss");
        }
    }

    private static int integer(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(field, "required");
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(field, "an integer status code of SMSC");
        }
    }
}
