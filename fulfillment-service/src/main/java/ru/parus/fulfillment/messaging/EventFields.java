package ru.parus.fulfillment.messaging;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import ru.parus.platform.events.IncomingEvent;
import ru.parus.platform.events.PoisonEventException;

/** Required fields of an incoming event; a missing or malformed one makes the event poison (dead-letter topic). */
final class EventFields {
    private EventFields() {
    }

    static UUID uuid(IncomingEvent event, String field) {
        try {
            return UUID.fromString(event.requireText(field));
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(event.type() + " " + event.id() + ": " + field + " is not a UUID", null);
        }
    }

    static OffsetDateTime time(IncomingEvent event, String field) {
        try {
            return OffsetDateTime.parse(event.requireText(field));
        } catch (DateTimeParseException e) {
            throw new PoisonEventException(event.type() + " " + event.id() + ": " + field + " is not a date-time", null);
        }
    }

    /** A member that may be null (or absent): its text, or null; any other JSON type is poison. */
    static String nullableText(IncomingEvent event, String field) {
        JsonNode node = event.data().get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new PoisonEventException(event.type() + " " + event.id() + ": " + field + " is not a string", null);
        }
        return node.asText();
    }
}
