package ru.parus.callcenter.event.incoming;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Tolerant readings of optional fields: blank is absent, and a malformed optional time too (only selectors use it). */
final class Fields {
    private Fields() {
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static java.util.UUID uuid(String value) {
        try {
            return text(value) == null ? null : java.util.UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static OffsetDateTime time(String value) {
        try {
            return text(value) == null ? null : OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
