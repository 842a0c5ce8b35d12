package ru.parus.notification.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;

import ru.parus.platform.events.IncomingEvent;
import ru.parus.platform.events.PoisonEventException;

/** Tolerant reading of an event's payload into this service's record; unreadable or incomplete is poison. */
final class EventReading {
    private EventReading() {
    }

    static <T> T read(ObjectMapper mapper, IncomingEvent event, Class<T> type, String... required) {
        for (String field : required) {
            event.requireText(field);
        }
        try {
            return mapper.treeToValue(event.data(), type);
        } catch (Exception e) {
            throw new PoisonEventException("unreadable " + event.type() + " " + event.id() + ": " + e.getMessage(), null);
        }
    }
}
