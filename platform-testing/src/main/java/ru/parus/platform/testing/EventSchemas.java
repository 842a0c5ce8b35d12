package ru.parus.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * For tests: the JSON Schemas under {@code docs/events/} are the contract of each event; producers
 * validate what they publish against them and consumers read their examples. This module's jar carries them, so a
 * test finds them wherever it runs.
 */
public final class EventSchemas {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventSchemas() {
    }

    /** {@code docs/events/<name>.schema.json}, which this module carries as the class-path resource {@code events/<name>.schema.json}. */
    public static JsonNode schema(String name) {
        String resource = "events/" + name + ".schema.json";
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no event schema " + resource + " on the class path (docs/events/"
                        + name + ".schema.json)");
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The messages of every violation; empty when {@code json} is valid against the named schema. */
    public static Set<String> violations(String name, String json) {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema(name));
        try {
            Set<ValidationMessage> messages = schema.validate(MAPPER.readTree(json));
            return messages.stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
        } catch (IOException e) {
            return Set.of("not JSON: " + e.getMessage());
        }
    }

    /** The schema's first example as a JSON object, for a consumer test to change and send. */
    public static ObjectNode example(String name) {
        JsonNode first = schema(name).path("examples").path(0);
        if (!first.isObject()) {
            throw new IllegalStateException("event schema " + name + " has no example object");
        }
        return first.deepCopy();
    }

    /**
     * {@code payload} as JSON text, ready to send as the event's producer would; an {@link AssertionError} naming the
     * violations when the test's input no longer obeys the producer's schema (a test must not feed a consumer what
     * no producer may send).
     */
    public static String checked(String name, JsonNode payload) {
        String json = payload.toString();
        Set<String> violations = violations(name, json);
        if (!violations.isEmpty()) {
            throw new AssertionError("test input breaks " + name + ": " + violations);
        }
        return json;
    }

    /** The schema's {@code examples}, as JSON text, for consumer tests. */
    public static java.util.List<String> examples(String name) {
        JsonNode examples = schema(name).path("examples");
        java.util.List<String> out = new java.util.ArrayList<>();
        examples.forEach(e -> out.add(e.toString()));
        return out;
    }
}
