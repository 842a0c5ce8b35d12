package ru.parus.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A CloudEvent read from a Kafka record in binary mode ({@code ce_*} headers, JSON value).
 * A record that is not such an event is a {@link PoisonEventException}, which sends it to the
 * channel's dead-letter topic instead of stopping the channel.
 */
public record IncomingEvent(String id, String type, String source, String subject, OffsetDateTime time,
        JsonNode data) {

    public static IncomingEvent from(ConsumerRecord<String, String> record, ObjectMapper mapper) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (id == null || type == null) {
            throw new PoisonEventException("not a CloudEvent: ce_id or ce_type header missing", record);
        }
        JsonNode data;
        try {
            data = record.value() == null ? null : mapper.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("value is not JSON: " + e.getOriginalMessage(), record);
        }
        if (data == null || !data.isObject()) {
            throw new PoisonEventException("value is not a JSON object", record);
        }
        OffsetDateTime time = null;
        String ceTime = header(record, "ce_time");
        if (ceTime != null) {
            try {
                time = OffsetDateTime.parse(ceTime);
            } catch (DateTimeParseException e) {
                throw new PoisonEventException("ce_time is not an RFC 3339 time: " + ceTime, record);
            }
        }
        return new IncomingEvent(id, type, header(record, "ce_source"), header(record, "ce_subject"), time, data);
    }

    public boolean is(EventType eventType) {
        return eventType.ceType().equals(type);
    }

    /** A required text field of the payload; a missing one makes the event poison (schema-invalid). */
    public String requireText(String field) {
        JsonNode node = data.get(field);
        if (node == null || !node.isValueNode() || node.asText().isBlank()) {
            throw new PoisonEventException("event " + type + " " + id + " lacks field '" + field + "'", null);
        }
        return node.asText();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
