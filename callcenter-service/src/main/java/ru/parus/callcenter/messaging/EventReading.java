package ru.parus.callcenter.messaging;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import ru.parus.platform.events.IncomingEvent;
import ru.parus.platform.events.PoisonEventException;

/** Tolerant reading of the few fields this service needs; a missing or malformed required one is poison. */
final class EventReading {
    private EventReading() {
    }

    static UUID uuid(IncomingEvent event, String field) {
        String text = event.requireText(field);
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("event " + event.type() + " " + event.id() + ": " + field + " is not a UUID", null);
        }
    }

    static String optionalText(IncomingEvent event, String field) {
        JsonNode node = event.data().get(field);
        return node == null || node.isNull() || !node.isValueNode() || node.asText().isBlank() ? null : node.asText();
    }

    static int positiveInt(IncomingEvent event, String field) {
        JsonNode node = event.data().get(field);
        if (node == null || !node.canConvertToInt() || node.asInt() < 1) {
            throw new PoisonEventException("event " + event.type() + " " + event.id() + " lacks a positive " + field, null);
        }
        return node.asInt();
    }

    static BigDecimal decimal(IncomingEvent event, String field) {
        JsonNode node = event.data().get(field);
        if (node == null || !node.isNumber()) {
            throw new PoisonEventException("event " + event.type() + " " + event.id() + " lacks a number " + field, null);
        }
        return node.decimalValue();
    }

    static long nonNegativeLong(IncomingEvent event, String field) {
        JsonNode node = event.data().get(field);
        if (node == null || !node.canConvertToLong() || node.asLong() < 0) {
            throw new PoisonEventException("event " + event.type() + " " + event.id() + " lacks a non-negative " + field, null);
        }
        return node.asLong();
    }

    static List<String> texts(IncomingEvent event, String field) {
        JsonNode node = event.data().get(field);
        if (node == null || !node.isArray()) {
            throw new PoisonEventException("event " + event.type() + " " + event.id() + " lacks the list " + field, null);
        }
        List<String> out = new ArrayList<>();
        node.forEach(n -> {
            if (n.isTextual() && !n.asText().isBlank()) {
                out.add(n.asText());
            }
        });
        return out;
    }

    static OffsetDateTime time(IncomingEvent event, String field) {
        try {
            return OffsetDateTime.parse(event.requireText(field));
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("event " + event.type() + " " + event.id() + ": " + field + " is not a date-time", null);
        }
    }

    /** A flag that older producers did not send reads as false. */
    static boolean flag(IncomingEvent event, String field) {
        JsonNode node = event.data().get(field);
        return node != null && node.asBoolean(false);
    }
    /** An optional ISO-8601 time; a malformed one is read as absent (tolerant reader: only selectors use it). */
    static java.time.OffsetDateTime optionalTime(IncomingEvent event, String field) {
        String text = optionalText(event, field);
        try {
            return text == null ? null : java.time.OffsetDateTime.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
