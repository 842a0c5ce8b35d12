package ru.parus.systemtests.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.parus.systemtests.fuzz.FuzzRequest.Operation;

/**
 * Builds requests for one operation from its OpenAPI description: a valid-looking one (from the schema and its
 * examples), and mutations of it. All choices come from the {@link Random} it is given, so a seed replays a run
 * (ids the services generate and hand back are the only exception: they are reused for path parameters).
 */
final class RequestGenerator {
    /** Kinds of request; the name shows in the summary and in each violation. */
    static final List<String> BODY_KINDS = List.of("valid", "wrong-type", "null-field", "missing-required",
            "extra-field", "huge-string", "huge-number", "negative-number", "long-overflow", "nan-text", "nan-token",
            "unicode", "injection", "malformed-json", "wrong-content-type", "empty-body", "root-not-object");
    static final List<String> PARAM_KINDS = List.of("valid", "path-not-uuid", "query-garbage", "query-huge-number",
            "injection-in-path", "unicode-in-query");
    static final List<String> AUTH_KINDS = List.of("no-token", "expired-token", "wrong-role", "forged-token",
            "garbage-token");

    static final List<String> UNICODE = List.of("\u200Fعربي\u200F", "a\u200Db\u200Dc", "\uD83D\uDE00\uD83D\uDC4D\uD83C\uDFFD",
            "nul\u0000byte", "\u202Egnp.exe", "\uFEFFbom", "Ｆｕｌｌｗｉｄｔｈ", "e\u0301\u0301\u0301", "\u0000",
            "line\nbreak\ttab\r", "\uFFFF\uFFFE", "𝕳𝖊𝖆𝖉");
    /** Written into the JSON text as is: escapes of lone surrogates, which a JSON parser must cope with. */
    static final List<String> RAW_JSON_STRINGS = List.of("\"\\ud800\"", "\"\\udfff x\"", "\"\\ud83d\"", "\"\\u0000\"");
    static final List<String> INJECTION = List.of("' OR '1'='1", "'; DROP TABLE orders; --", "1; SELECT pg_sleep(5)",
            "\" OR \"\"=\"", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "${7*7}", "{{7*7}}",
            "#{7*7}", "../../../../etc/passwd", "%00", "\\u0000", "$(rm -rf /)", "`id`", "%s%s%s%n",
            "{\"$gt\": \"\"}", "admin'--", "ru.parus.order.OrderPlaced.v1");
    static final List<String> NOT_UUIDS = List.of("1", "not-a-uuid", "00000000-0000-0000-0000-00000000000Z",
            "..%2F..%2Fetc%2Fpasswd", "%27%20OR%201%3D1", "%00", "-1", "9223372036854775808",
            "ffffffff-ffff-ffff-ffff-ffffffffffffff", "%F0%9F%98%80", "a".repeat(5000));
    static final List<String> MALFORMED = List.of("{", "{\"a\":", "{\"a\":1,}", "[1,2", "{'a':1}", "nul", "\"unterminated",
            "{\"a\":01}", "{\"a\":.5}", "{\"a\":1}{\"b\":2}", "\u0000\u0001\u0002", "{\"a\":\"\\x41\"}", "<xml/>");

    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonNode document;
    private final Random random;
    private final Map<String, List<String>> knownIds;

    RequestGenerator(JsonNode document, Random random, Map<String, List<String>> knownIds) {
        this.document = document;
        this.random = random;
        this.knownIds = knownIds;
    }

    /**
     * Every operation of the document, in the document's order, except server-sent-event streams: an accepted stream
     * never ends, so it cannot be fuzzed by request and answer (their tests are TaskStreamTest and OrderStreamTest).
     */
    static List<Operation> operations(String service, JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> m = methods.next();
                String method = m.getKey().toUpperCase();
                if (List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)
                        && !m.getValue().path("responses").toString().contains("text/event-stream")
                        && !path.getKey().endsWith("/stream")) {
                    operations.add(new Operation(service, method, path.getKey(), m.getValue()));
                }
            }
        }
        return operations;
    }

    /** The kinds that make sense for an operation. */
    static List<String> kinds(Operation op) {
        List<String> kinds = new ArrayList<>();
        if (jsonBodySchema(op) != null) {
            kinds.addAll(BODY_KINDS);
        } else {
            kinds.add("valid");
            if (op.changesData()) {
                kinds.add("empty-body");
                kinds.add("malformed-json");
            }
        }
        for (String kind : PARAM_KINDS) {
            if (!kinds.contains(kind) && applies(op, kind)) {
                kinds.add(kind);
            }
        }
        kinds.addAll(AUTH_KINDS);
        return kinds;
    }

    private static boolean applies(Operation op, String kind) {
        return switch (kind) {
            case "path-not-uuid", "injection-in-path" -> op.path().contains("{");
            case "query-garbage", "query-huge-number", "unicode-in-query" -> hasParameter(op, "query");
            default -> true;
        };
    }

    private static boolean hasParameter(Operation op, String in) {
        for (JsonNode p : op.spec().path("parameters")) {
            if (in.equals(p.path("in").asText())) {
                return true;
            }
        }
        return false;
    }

    static JsonNode jsonBodySchema(Operation op) {
        JsonNode content = op.spec().path("requestBody").path("content");
        JsonNode json = content.path("application/json");
        if (json.isMissingNode()) {
            return null;
        }
        return json.path("schema");
    }

    FuzzRequest build(Operation op, String kind, Tokens tokens) {
        Map<String, String> headers = new LinkedHashMap<>();
        String path = op.path();
        // path parameters
        for (JsonNode p : parameters(op, "path")) {
            String name = p.path("name").asText();
            String value = validParameter(p);
            if (value.matches("[0-9a-f-]{36}")) {
                value = idFor(resourceBefore(op.path(), name)); // /orders/{id} -> an order's id
            }
            if (kind.equals("path-not-uuid")) {
                value = pick(NOT_UUIDS);
            } else if (kind.equals("injection-in-path")) {
                value = URLEncoder.encode(pick(INJECTION), StandardCharsets.UTF_8);
            } else {
                value = URLEncoder.encode(value, StandardCharsets.UTF_8);
            }
            path = path.replace("{" + name + "}", value);
        }
        // query parameters
        List<String> query = new ArrayList<>();
        List<JsonNode> queryParams = parameters(op, "query");
        JsonNode target = queryParams.isEmpty() ? null : queryParams.get(random.nextInt(queryParams.size()));
        for (JsonNode p : queryParams) {
            String name = p.path("name").asText();
            boolean required = p.path("required").asBoolean(false);
            String value;
            if (p == target && kind.equals("query-garbage")) {
                value = pick(List.of("abc", "-1", "1.5", "", "true", "[]", "%", "null", pick(INJECTION)));
            } else if (p == target && kind.equals("query-huge-number")) {
                value = pick(List.of("1e308", "9223372036854775808", "-9223372036854775809", "99999999999999999999",
                        "2147483648", "-1", "NaN", "Infinity"));
            } else if (p == target && kind.equals("unicode-in-query")) {
                value = pick(UNICODE);
            } else if (required || random.nextBoolean()) {
                value = validParameter(p);
            } else {
                continue;
            }
            query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        // header parameters (Idempotency-Key, If-Match, ...)
        for (JsonNode p : parameters(op, "header")) {
            if (p.path("required").asBoolean(false) || random.nextBoolean()) {
                String name = p.path("name").asText();
                headers.put(name, name.equalsIgnoreCase("If-Match") ? "\"" + random.nextInt(3) + "\""
                        : validParameter(p));
            }
        }
        String pathAndQuery = path + (query.isEmpty() ? "" : "?" + String.join("&", query));

        // body
        JsonNode schema = jsonBodySchema(op);
        String contentType = null;
        String body = null;
        if (schema != null) {
            contentType = "application/json";
            JsonNode valid = valid(schema, 0);
            body = mutateBody(kind, valid, schema);
            if (kind.equals("wrong-content-type")) {
                contentType = pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "application/json; charset=klingon", "*/*", "garbage"));
            } else if (kind.equals("empty-body")) {
                body = "";
            }
        } else if (kind.equals("empty-body")) {
            contentType = "application/json";
            body = "";
        } else if (kind.equals("malformed-json")) {
            contentType = "application/json";
            body = pick(MALFORMED);
        }

        String token = tokens.all;
        String authLabel = "all-roles";
        switch (kind) {
            case "no-token" -> {
                token = null;
                authLabel = "none";
            }
            case "expired-token" -> {
                token = tokens.expired;
                authLabel = "expired";
            }
            case "wrong-role" -> {
                token = tokens.noRole;
                authLabel = "role NOBODY";
            }
            case "forged-token" -> {
                token = tokens.forged;
                authLabel = "signed by another key";
            }
            case "garbage-token" -> {
                token = pick(List.of("abc", "a.b.c", "", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "\u00e9\u00e9"));
                authLabel = "garbage '" + token + "'";
            }
            default -> {
            }
        }
        return new FuzzRequest(op.service(), op, kind, op.method(), pathAndQuery, headers, contentType, body, token,
                authLabel);
    }

    private List<JsonNode> parameters(Operation op, String in) {
        List<JsonNode> result = new ArrayList<>();
        for (JsonNode p : op.spec().path("parameters")) {
            JsonNode resolved = resolve(p);
            if (in.equals(resolved.path("in").asText())) {
                result.add(resolved);
            }
        }
        return result;
    }

    private String validParameter(JsonNode p) {
        if (p.has("example")) {
            return p.get("example").asText();
        }
        JsonNode schema = resolve(p.path("schema"));
        JsonNode value = valid(schema, 0);
        String name = p.path("name").asText().toLowerCase();
        if (value.isTextual() && isUuid(schema)) {
            return idFor(name);
        }
        return value.isTextual() ? value.asText() : value.toString();
    }

    private static boolean isUuid(JsonNode schema) {
        return "uuid".equals(schema.path("format").asText());
    }

    /** The resource a path parameter names: {@code /orders/{id}/offers}, {@code id} -> {@code order}. */
    static String resourceBefore(String path, String parameter) {
        String[] segments = path.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals("{" + parameter + "}")) {
                return singular(segments[i - 1]);
            }
        }
        return parameter;
    }

    /** The resource a POST to a collection creates: {@code /catalogue/products} -> {@code product}. */
    static String resourceOf(String path) {
        String[] segments = path.split("/");
        String last = segments.length == 0 ? "" : segments[segments.length - 1];
        return last.startsWith("{") && segments.length > 1 ? singular(segments[segments.length - 2]) : singular(last);
    }

    private static String singular(String segment) {
        String s = segment.toLowerCase().replace("-", "");
        return s.endsWith("s") ? s.substring(0, s.length() - 1) : s;
    }

    /** A known id of the kind the name suggests (customerId -> a customer), or a fresh UUID. */
    private String idFor(String name) {
        if (random.nextInt(4) > 0) {
            String lower = name.toLowerCase().replace("-", "");
            for (Map.Entry<String, List<String>> e : knownIds.entrySet()) {
                if (!e.getValue().isEmpty() && lower.contains(e.getKey())) {
                    List<String> ids = e.getValue();
                    return ids.get(random.nextInt(ids.size()));
                }
            }
        }
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    JsonNode resolve(JsonNode node) {
        int depth = 0;
        while (node.has("$ref") && depth++ < 10) {
            String ref = node.get("$ref").asText();
            node = document.at(ref.substring(1));
        }
        return node;
    }

    private String type(JsonNode schema) {
        JsonNode t = schema.path("type");
        if (t.isArray()) {
            for (JsonNode x : t) {
                if (!x.asText().equals("null")) {
                    return x.asText();
                }
            }
        }
        if (t.isTextual()) {
            return t.asText();
        }
        if (schema.has("properties")) {
            return "object";
        }
        return "string";
    }

    /** A valid-looking value: the schema's example where it has one, else built from the schema. */
    JsonNode valid(JsonNode rawSchema, int depth) {
        JsonNode schema = resolve(rawSchema);
        for (String combiner : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(combiner) && schema.get(combiner).size() > 0) {
                if (combiner.equals("allOf") && schema.get(combiner).size() > 1) {
                    ObjectNode merged = JsonNodeFactory.instance.objectNode();
                    for (JsonNode part : schema.get(combiner)) {
                        JsonNode v = valid(part, depth + 1);
                        if (v.isObject()) {
                            merged.setAll((ObjectNode) v);
                        }
                    }
                    return merged;
                }
                return valid(schema.get(combiner).get(0), depth + 1);
            }
        }
        String type = type(schema);
        String format = schema.path("format").asText();
        if (!type.equals("object") && !type.equals("array") && !format.equals("date-time") && !format.equals("date")) {
            if (schema.has("example")) {
                return schema.get("example").deepCopy();
            }
            if (schema.has("examples") && schema.get("examples").isArray() && schema.get("examples").size() > 0) {
                return schema.get("examples").get(0).deepCopy();
            }
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size())).deepCopy();
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (type) {
            case "object" -> {
                if (schema.has("example") && schema.get("example").isObject()) {
                    return schema.get("example").deepCopy();
                }
                ObjectNode o = f.objectNode();
                if (depth > 6) {
                    return o;
                }
                Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields();
                while (props.hasNext()) {
                    Map.Entry<String, JsonNode> prop = props.next();
                    JsonNode propSchema = resolve(prop.getValue());
                    if (propSchema.path("readOnly").asBoolean(false)) {
                        continue;
                    }
                    JsonNode value = valid(propSchema, depth + 1);
                    if (value.isTextual() && isUuid(propSchema)) {
                        value = f.textNode(idFor(prop.getKey()));
                    }
                    value = unique(prop.getKey(), value);
                    o.set(prop.getKey(), value);
                }
                return o;
            }
            case "array" -> {
                ArrayNode a = f.arrayNode();
                int n = Math.max(1, schema.path("minItems").asInt(1));
                for (int i = 0; i < n + random.nextInt(2) && depth <= 6; i++) {
                    a.add(valid(schema.path("items"), depth + 1));
                }
                return a;
            }
            case "integer" -> {
                long min = schema.path("minimum").asLong(1);
                long max = schema.path("maximum").asLong(min + 5);
                return f.numberNode(min + (max > min ? Math.floorMod(random.nextLong(), Math.min(max - min, 10)) : 0));
            }
            case "number" -> {
                return f.numberNode(1 + random.nextInt(50));
            }
            case "boolean" -> {
                return f.booleanNode(random.nextBoolean());
            }
            default -> {
                return switch (format) {
                    case "uuid" -> f.textNode(new UUID(random.nextLong(), random.nextLong()).toString());
                    case "date" -> f.textNode(LocalDate.now(ZoneOffset.UTC).plusDays(2 + random.nextInt(5)).toString());
                    case "date-time" -> f.textNode(OffsetDateTime.now(ZoneOffset.UTC).plusHours(1 + random.nextInt(24 * 30)).withNano(0).toString());
                    case "email" -> f.textNode("fuzz" + random.nextInt(100000) + "@example.org");
                    default -> f.textNode("fuzz " + Integer.toString(random.nextInt(1_000_000), 36));
                };
            }
        }
    }

    private String mutateBody(String kind, JsonNode valid, JsonNode schema) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<Slot> slots = new ArrayList<>();
        collect(valid, slots);
        Slot slot = slots.isEmpty() ? null : slots.get(random.nextInt(slots.size()));
        switch (kind) {
            case "wrong-type" -> {
                if (slot != null) {
                    JsonNode old = slot.get();
                    slot.set(old.isTextual() ? pick(List.of(f.numberNode(42), f.booleanNode(true), f.objectNode(), f.arrayNode()))
                            : old.isNumber() ? pick(List.<JsonNode>of(f.textNode("twelve"), f.booleanNode(false), f.arrayNode()))
                            : old.isContainerNode() ? f.textNode("not a container")
                            : f.textNode("not " + old));
                }
            }
            case "null-field" -> {
                if (slot != null) {
                    slot.set(f.nullNode());
                }
            }
            case "missing-required" -> {
                List<Slot> required = new ArrayList<>();
                for (Slot s : slots) {
                    if (s.parent.isObject()) {
                        required.add(s);
                    }
                }
                if (!required.isEmpty()) {
                    Slot s = required.get(random.nextInt(required.size()));
                    ((ObjectNode) s.parent).remove(s.key);
                } else if (valid.isObject()) {
                    ((ObjectNode) valid).removeAll();
                }
            }
            case "extra-field" -> {
                if (valid.isObject()) {
                    ((ObjectNode) valid).put(pick(List.of("id", "status", "version", "createdAt", "isAdmin", "__proto__",
                            "totalKopecks", "ownerId", "unknownField")), pick(List.of("x", "APPROVED", "0")));
                }
            }
            case "huge-string" -> {
                if (slot != null) {
                    slot.set(f.textNode("Ж".repeat(random.nextBoolean() ? 100_000 : 1000) + "x".repeat(random.nextInt(100))));
                }
            }
            case "huge-number", "negative-number", "long-overflow", "nan-text" -> {
                Slot numeric = numericSlot(slots, kind.equals("negative-number"));
                if (numeric == null) {
                    numeric = slot;
                }
                if (numeric != null) {
                    numeric.set(switch (kind) {
                        case "huge-number" -> f.numberNode(new java.math.BigDecimal("1e308"));
                        case "negative-number" -> f.numberNode(pick(List.of(-1L, -5L, 0L, Long.MIN_VALUE)));
                        case "long-overflow" -> f.numberNode(new java.math.BigInteger("9223372036854775808"));
                        default -> f.textNode(pick(List.of("NaN", "Infinity", "-Infinity", "1e308", "0x10")));
                    });
                }
            }
            case "nan-token" -> {
                // not JSON at all: what a careless JavaScript client sends
                String text = valid.toString();
                Slot numeric = numericSlot(slots, false);
                if (numeric != null) {
                    numeric.set(f.textNode("@@NAN@@"));
                    return valid.toString().replace("\"@@NAN@@\"", pick(List.of("NaN", "Infinity", "-Infinity", "undefined")));
                }
                return text.replaceFirst(":", ":NaN,\"x\":");
            }
            case "unicode" -> {
                if (slot != null) {
                    if (random.nextInt(3) == 0) {
                        slot.set(f.textNode("@@RAW@@"));
                        return valid.toString().replace("\"@@RAW@@\"", pick(RAW_JSON_STRINGS));
                    }
                    slot.set(f.textNode(pick(UNICODE)));
                }
            }
            case "injection" -> {
                if (slot != null) {
                    slot.set(f.textNode(pick(INJECTION)));
                }
            }
            case "malformed-json" -> {
                String text = valid.toString();
                return random.nextBoolean() ? text.substring(0, Math.max(1, random.nextInt(Math.max(1, text.length()))))
                        : pick(MALFORMED);
            }
            case "root-not-object" -> {
                return pick(List.of("[]", "null", "42", "\"text\"", "true", "[" + valid + "]"));
            }
            default -> {
            }
        }
        return valid.toString();
    }

    /** A field that holds a number; with {@code preferQuantity}, a quantity or amount if the body has one. */
    private Slot numericSlot(List<Slot> slots, boolean preferQuantity) {
        List<Slot> numeric = new ArrayList<>();
        for (Slot s : slots) {
            if (s.get().isNumber()) {
                numeric.add(s);
            }
        }
        if (preferQuantity) {
            List<Slot> quantities = numeric.stream()
                    .filter(s -> s.key != null && s.key.toLowerCase().matches(".*(quantity|kopecks|amount|percent|count).*"))
                    .toList();
            if (!quantities.isEmpty()) {
                return quantities.get(random.nextInt(quantities.size()));
            }
        }
        return numeric.isEmpty() ? null : numeric.get(random.nextInt(numeric.size()));
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                slots.add(new Slot(node, e.getKey(), -1));
                collect(e.getValue(), slots);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                slots.add(new Slot(node, null, i));
                collect(node.get(i), slots);
            }
        }
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /**
     * Phones and e-mails of the fuzzer's own, not the schema's examples: the other system tests share the stack and
     * register customers with the examples' phones (a duplicate phone is a 409 for them).
     */
    private JsonNode unique(String name, JsonNode value) {
        String lower = name.toLowerCase();
        boolean phone = lower.contains("phone");
        boolean email = lower.contains("email");
        if (!phone && !email) {
            return value;
        }
        if (value.isTextual()) {
            return JsonNodeFactory.instance.textNode(phone
                    ? String.format("+7 999 %03d-%02d-%02d", random.nextInt(1000), random.nextInt(100), random.nextInt(100))
                    : "fuzz" + Integer.toString(random.nextInt(Integer.MAX_VALUE), 36) + "@example.org");
        }
        if (value.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            for (JsonNode element : value) {
                copy.add(unique(name, element));
            }
            return copy;
        }
        return value;
    }

    /** A place in a JSON tree: a field of an object or an element of an array. */
    private record Slot(JsonNode parent, String key, int index) {
        JsonNode get() {
            return key != null ? parent.get(key) : parent.get(index);
        }

        void set(JsonNode value) {
            if (key != null) {
                ((ObjectNode) parent).set(key, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    /** The tokens the requests carry. */
    record Tokens(String all, String expired, String noRole, String forged) {
    }
}
