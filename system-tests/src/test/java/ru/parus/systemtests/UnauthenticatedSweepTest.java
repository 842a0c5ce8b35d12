package ru.parus.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.parus.systemtests.RunningStack.CALLCENTER;
import static ru.parus.systemtests.RunningStack.NOTIFICATION;
import static ru.parus.systemtests.RunningStack.ORDER;
import static ru.parus.systemtests.RunningStack.SERVICES;
import static ru.parus.systemtests.RunningStack.url;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Issue 14: authentication comes before everything else, on every endpoint. Every operation of every service's
 * OpenAPI document ({@code GET /q/openapi?format=json}) is called on the packaged services without any credential:
 * path parameters filled with their example or first enum value (else a random UUID), a body {@code {}} with the
 * first media type the operation consumes. Each must answer 401 {@code application/problem+json} of type
 * {@code unauthorized}, not 400, 404 or 415: the caller is judged before the request. A bearer operation's 401
 * carries {@code WWW-Authenticate: Bearer}; a webhook's (an operation with {@code security: []}) names the credential
 * it checks instead, as {@link #OTHER_CREDENTIALS} lists. {@code /q/...} stays open and is not called.
 */
@ExtendWith(RunningStack.class)
class UnauthenticatedSweepTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    /** "service METHOD path" of each webhook -> the header or query parameter its 401 must name. */
    static final Map<String, String> OTHER_CREDENTIALS = Map.of(
            ORDER + " POST /storefront/{storefront}/orders", "X-Parus-Signature",
            ORDER + " POST /payments/callback", "X-Payment-Signature",
            CALLCENTER + " POST /telephony/events", "X-Telephony-Secret",
            NOTIFICATION + " POST /provider-callbacks/smsc", "secret");

    @Test
    void everyOperationWithoutCredentialsIsA401Problem() throws Exception {
        List<String> failures = new ArrayList<>();
        Set<String> webhooks = new TreeSet<>();
        Map<String, Integer> called = new TreeMap<>();
        for (String service : SERVICES) {
            JsonNode document = JSON.readTree(given().baseUri(url(service)).queryParam("format", "json")
                    .get("/q/openapi").then().statusCode(200).extract().asString());
            for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
                Map.Entry<String, JsonNode> path = paths.next();
                if (path.getKey().startsWith("/q/")) {
                    continue;
                }
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    if (!METHODS.contains(op.getKey())) {
                        continue;
                    }
                    String key = service + " " + op.getKey().toUpperCase() + " " + path.getKey();
                    JsonNode security = op.getValue().has("security") ? op.getValue().get("security")
                            : document.path("security");
                    boolean webhook = security.isArray() && security.isEmpty();
                    if (webhook) {
                        webhooks.add(key);
                    }
                    String problem = check(service, op.getKey(), path.getKey(), path.getValue(), op.getValue(),
                            webhook ? OTHER_CREDENTIALS.get(key) : null);
                    if (problem != null) {
                        failures.add(key + ": " + problem);
                    }
                    called.merge(service, 1, Integer::sum);
                }
            }
        }
        System.out.println("unauthenticated sweep: " + called + " operations; webhooks " + webhooks);
        assertEquals(new TreeSet<>(OTHER_CREDENTIALS.keySet()), webhooks,
                "operations with security: [] (a credential of their own) and OTHER_CREDENTIALS must agree");
        assertTrue(failures.isEmpty(), failures.size() + " operations answered otherwise than 401 without "
                + "credentials:\n" + String.join("\n", failures));
    }

    /** Null when the operation answered as it must without credentials; else what it answered. */
    private static String check(String service, String method, String template, JsonNode pathItem, JsonNode operation,
            String otherCredential) {
        RequestSpecification request = given().baseUri(url(service)).urlEncodingEnabled(false);
        String path = template;
        for (JsonNode parameter : parameters(pathItem, operation)) {
            if ("path".equals(parameter.path("in").asText())) {
                path = path.replace("{" + parameter.path("name").asText() + "}",
                        URLEncoder.encode(value(parameter), StandardCharsets.UTF_8).replace("+", "%20"));
            }
        }
        JsonNode content = operation.path("requestBody").path("content");
        if (content.isObject() && content.fieldNames().hasNext()) {
            request.contentType(content.fieldNames().next()).body("{}");
        }
        Response response = request.request(method.toUpperCase(), path);
        String body = response.asString();
        String answer = response.statusCode() + " " + response.contentType() + " "
                + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
        if (response.statusCode() != 401 || !response.contentType().startsWith("application/problem+json")) {
            return "expected a 401 problem, got " + answer;
        }
        if ("head".equals(method)) {
            return null; // no body to read
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (Exception e) {
            return "not JSON: " + answer;
        }
        if (!"urn:parus:problem:unauthorized".equals(problem.path("type").asText())) {
            return "type is not unauthorized: " + answer;
        }
        if (otherCredential == null) {
            String challenge = response.header("WWW-Authenticate");
            return challenge != null && challenge.startsWith("Bearer") ? null : "no WWW-Authenticate: Bearer: " + answer;
        }
        boolean named = otherCredential.equals(problem.path("credential").path("name").asText())
                && problem.path("title").asText().contains(otherCredential);
        return named ? null : "the 401 does not name " + otherCredential + ": " + answer;
    }

    private static List<JsonNode> parameters(JsonNode pathItem, JsonNode operation) {
        List<JsonNode> all = new ArrayList<>();
        pathItem.path("parameters").forEach(all::add);
        operation.path("parameters").forEach(all::add);
        return all;
    }

    /** The parameter's example, else its first enum value, else a random UUID. */
    private static String value(JsonNode parameter) {
        JsonNode schema = parameter.path("schema");
        for (JsonNode candidate : List.of(parameter.path("example"), schema.path("example"), schema.path("examples").path(0),
                schema.path("enum").path(0))) {
            if (candidate.isValueNode() && !candidate.asText().isEmpty()) {
                return candidate.asText();
            }
        }
        JsonNode examples = parameter.path("examples");
        if (examples.isObject() && examples.elements().hasNext()) {
            JsonNode first = examples.elements().next().path("value");
            if (first.isValueNode()) {
                return first.asText();
            }
        }
        return UUID.randomUUID().toString();
    }
}
