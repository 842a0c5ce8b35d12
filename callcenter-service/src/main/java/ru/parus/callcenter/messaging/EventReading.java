package ru.parus.callcenter.messaging;

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

    static java.math.BigDecimal decimal(IncomingEvent event, String field) {
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

    static java.util.List<String> texts(IncomingEvent event, String field) {
        JsonNode node = event.data().get(field);
        if (node == null || !node.isArray()) {
            throw new PoisonEventException("event " + event.type() + " " + event.id() + " lacks the list " + field, null);
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        node.forEach(n -> {
            if (n.isTextual() && !n.asText().isBlank()) {
                out.add(n.asText());
            }
        });
        return out;
    }
}
