package ru.parus.platform.openapi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Gives every response media type that shows no {@code example} or {@code examples} of its own an example made from
 * its schema, so that Swagger UI, mock servers and the generated clients' docs show a plausible body for every
 * answer. Written once for all services; {@link PlatformOpenApiFilter} runs it after {@link ProblemResponsesFilter}.
 * <p>
 * The example follows {@code $ref}s into {@code components.schemas} and takes, in this order: the schema's own
 * {@code examples} (first) or {@code example}, its {@code const}, its {@code default}, its first {@code enum} value;
 * otherwise it is built from the type: an object from its properties (and {@code allOf} parts), an array of one
 * item, a string by its {@code format} (uuid, date-time, date, time, email, uri, ...), a number inside its
 * bounds. A type that refers to itself stops after {@value #MAX_DEPTH} levels or when it would repeat itself
 * (the property is left out, an array is empty). Examples the resources write in their annotations win: this only
 * fills gaps.
 */
public class ResponseExamplesFilter implements OASFilter {
    /** Nesting levels an example goes down before it leaves a property out. */
    static final int MAX_DEPTH = 8;
    static final String SAMPLE_UUID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
    static final String SAMPLE_DATE = "2026-11-27";
    static final String SAMPLE_TIME = "10:00:00";
    static final String SAMPLE_DATE_TIME = SAMPLE_DATE + "T" + SAMPLE_TIME + "Z";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
                ? Map.of() : openAPI.getComponents().getSchemas();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (PathItem item : openAPI.getPaths().getPathItems().values()) {
                if (item.getOperations() == null) {
                    continue;
                }
                for (Operation operation : item.getOperations().values()) {
                    if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                        operation.getResponses().getAPIResponses().values().forEach(r -> complete(r, schemas));
                    }
                }
            }
        }
        Components components = openAPI.getComponents();
        if (components != null && components.getResponses() != null) {
            components.getResponses().values().forEach(r -> complete(r, schemas));
        }
    }

    /** Adds an example to each media type of the response that has a schema and no example. */
    static void complete(APIResponse response, Map<String, Schema> schemas) {
        Content content = response.getContent();
        if (response.getRef() != null || content == null || content.getMediaTypes() == null) {
            return;
        }
        for (MediaType media : content.getMediaTypes().values()) {
            boolean hasExamples = media.getExample() != null
                    || (media.getExamples() != null && !media.getExamples().isEmpty());
            if (!hasExamples && media.getSchema() != null) {
                Object example = new ExampleMaker(schemas).example(media.getSchema(), 0);
                if (example != null) {
                    media.setExample(example);
                }
            }
        }
    }

    /** An example of a value the schema describes; null when none can be made (nothing to show). */
    static Object example(Schema schema, Map<String, Schema> schemas) {
        return new ExampleMaker(schemas).example(schema, 0);
    }

    private static final class ExampleMaker {
        private final Map<String, Schema> schemas;
        /** The component schemas being expanded on the way down: a type met again here would never end. */
        private final Deque<String> expanding = new ArrayDeque<>();

        ExampleMaker(Map<String, Schema> schemas) {
            this.schemas = schemas;
        }

        Object example(Schema schema, int depth) {
            if (schema == null || depth > MAX_DEPTH) {
                return null;
            }
            Object own = own(schema);
            if (own != null) {
                return own;
            }
            if (schema.getRef() != null) {
                return referenced(schema.getRef(), depth);
            }
            if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
                return allOf(schema, depth);
            }
            for (List<Schema> alternatives : java.util.Arrays.asList(schema.getOneOf(), schema.getAnyOf())) {
                if (alternatives != null) {
                    for (Schema alternative : alternatives) {
                        Object example = example(alternative, depth + 1);
                        if (example != null) {
                            return example;
                        }
                    }
                }
            }
            SchemaType type = type(schema);
            if (type == null) {
                return schema.getProperties() != null ? object(schema, depth) : null;
            }
            return switch (type) {
                case OBJECT -> object(schema, depth);
                case ARRAY -> array(schema, depth);
                case STRING -> string(schema);
                case INTEGER -> number(schema, true);
                case NUMBER -> number(schema, false);
                case BOOLEAN -> Boolean.TRUE;
                case NULL -> null;
            };
        }

        /** What the schema says itself: examples, example, const, default, enum. */
        private static Object own(Schema schema) {
            if (schema.getExamples() != null && !schema.getExamples().isEmpty() && schema.getExamples().get(0) != null) {
                return schema.getExamples().get(0);
            }
            if (schema.getExample() != null) {
                return schema.getExample();
            }
            if (schema.getConstValue() != null) {
                return schema.getConstValue();
            }
            if (schema.getDefaultValue() != null) {
                return schema.getDefaultValue();
            }
            if (schema.getEnumeration() != null) {
                return schema.getEnumeration().stream().filter(v -> v != null).findFirst().orElse(null);
            }
            return null;
        }

        private Object referenced(String ref, int depth) {
            String name = ref.startsWith(ProblemResponsesFilter.SCHEMAS) ? ref.substring(ProblemResponsesFilter.SCHEMAS.length())
                    : null;
            Schema target = name == null ? null : schemas.get(name);
            if (target == null || expanding.contains(name)) {
                return null; // outside this document, or a type within itself
            }
            expanding.push(name);
            try {
                return example(target, depth + 1);
            } finally {
                expanding.pop();
            }
        }

        private Object allOf(Schema schema, int depth) {
            Map<String, Object> merged = new LinkedHashMap<>();
            Object other = null;
            for (Schema part : schema.getAllOf()) {
                Object example = example(part, depth + 1);
                if (example instanceof Map<?, ?> map) {
                    map.forEach((k, v) -> merged.put(String.valueOf(k), v));
                } else if (example != null) {
                    other = example;
                }
            }
            if (schema.getProperties() != null) {
                Object own = object(schema, depth);
                if (own instanceof Map<?, ?> map) {
                    map.forEach((k, v) -> merged.put(String.valueOf(k), v));
                }
            }
            return merged.isEmpty() && other != null ? other : merged;
        }

        private Object object(Schema schema, int depth) {
            Map<String, Object> example = new LinkedHashMap<>();
            if (schema.getProperties() != null) {
                for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
                    if (Boolean.TRUE.equals(property.getValue().getWriteOnly())) {
                        continue; // never in a response
                    }
                    Object value = example(property.getValue(), depth + 1);
                    if (value != null) {
                        example.put(property.getKey(), value);
                    }
                }
            } else if (schema.getAdditionalPropertiesSchema() != null) {
                Object value = example(schema.getAdditionalPropertiesSchema(), depth + 1);
                if (value != null) {
                    example.put("key", value);
                }
            }
            return example;
        }

        private Object array(Schema schema, int depth) {
            Object item = example(schema.getItems(), depth + 1);
            return item == null ? List.of() : List.of(item);
        }

        private static Object string(Schema schema) {
            String format = schema.getFormat() == null ? "" : schema.getFormat();
            String value = switch (format) {
                case "uuid" -> SAMPLE_UUID;
                case "date-time" -> SAMPLE_DATE_TIME;
                case "date" -> SAMPLE_DATE;
                case "time", "partial-time", "local-time" -> SAMPLE_TIME;
                case "duration" -> "P6M";
                case "email", "idn-email" -> "anna@example.org";
                case "uri", "url", "iri" -> "https://example.org/resource";
                case "uri-reference", "iri-reference" -> "/resource/1";
                case "hostname", "idn-hostname" -> "example.org";
                case "ipv4" -> "192.0.2.1";
                case "ipv6" -> "2001:db8::1";
                case "byte" -> "UGFydXM=";
                case "binary" -> "(bytes)";
                default -> "string";
            };
            Integer max = schema.getMaxLength();
            Integer min = schema.getMinLength();
            if (max != null && value.length() > max) {
                value = value.substring(0, Math.max(0, max));
            }
            if (min != null && value.length() < min) {
                value = value + "x".repeat(min - value.length());
            }
            return value;
        }

        /** 0, or the nearest value the bounds allow (an exclusive bound moves one step, or one hundredth, inside). */
        private static Object number(Schema schema, boolean integer) {
            BigDecimal step = integer ? BigDecimal.ONE : new BigDecimal("0.01");
            BigDecimal value = BigDecimal.ZERO;
            BigDecimal low = schema.getMinimum();
            if (schema.getExclusiveMinimum() != null) {
                low = schema.getExclusiveMinimum().add(step);
            }
            BigDecimal high = schema.getMaximum();
            if (schema.getExclusiveMaximum() != null) {
                high = schema.getExclusiveMaximum().subtract(step);
            }
            if (low != null && value.compareTo(low) < 0) {
                value = low;
            }
            if (high != null && value.compareTo(high) > 0) {
                value = high;
            }
            return integer ? (Object) value.setScale(0, RoundingMode.CEILING).longValueExact() : (Object) value.doubleValue();
        }

        /** The first type that is not null (OpenAPI 3.1 writes {@code [string, null]} for a nullable string). */
        private static SchemaType type(Schema schema) {
            if (schema.getType() == null) {
                return null;
            }
            return schema.getType().stream().filter(t -> t != SchemaType.NULL).findFirst()
                    .orElse(schema.getType().isEmpty() ? null : SchemaType.NULL);
        }
    }
}
