package ru.parus.platform.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import ru.parus.platform.problem.IfMatch;
import ru.parus.platform.problem.Problem;
import ru.parus.platform.problem.ProblemType;

/**
 * Completes every service's OpenAPI document with the problems its operations can answer, written once for all
 * services: {@code mp.openapi.filter} in platform's microprofile-config.properties names it, and Quarkus applies it
 * to the document that {@code /q/openapi} serves and to the copy the build stores in {@code target/openapi}.
 * <ul>
 * <li>a {@code Problem} schema (RFC 9457, as {@link Problem} writes it) in {@code components.schemas};</li>
 * <li>every 4xx and 5xx response has {@code application/problem+json} content with that schema and an example
 * (a response that shows examples of its own keeps them);</li>
 * <li>an operation with a security requirement answers 401, and 403 when the credential is a bearer token (its
 * roles decide); one with a path parameter 404 (an unknown or malformed id); one with a body, query or header
 * parameters 400; one with a required {@code If-Match} header 428 (sent without it). Each is added only where the
 * resource does not describe it. An operation with
 * {@code security: []} (a webhook that checks its own secret) gets no 401 or 403 from here: its resource
 * describes them.</li>
 * </ul>
 * The resources' own {@code @APIResponse} descriptions say what a problem means there; this only makes the shape
 * machine-readable, so linters and client generators see the errors the services send.
 */
public class ProblemResponsesFilter implements OASFilter {
    public static final String PROBLEM_SCHEMA = "Problem";
    public static final String FIELD_ERROR_SCHEMA = "ProblemFieldError";
    static final String SCHEMAS = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema(FIELD_ERROR_SCHEMA, fieldErrorSchema());
        components.addSchema(PROBLEM_SCHEMA, problemSchema());
        Map<String, SecurityScheme> schemes = components.getSecuritySchemes() == null ? Map.of()
                : components.getSecuritySchemes();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                List<SecurityRequirement> security = operation.getSecurity() != null ? operation.getSecurity()
                        : openAPI.getSecurity();
                complete(operation, item, secured(security), bearer(security, schemes));
            }
        }
    }

    /**
     * @param secured the operation needs a credential of a security scheme
     * @param bearer that credential is a bearer token, whose roles may not allow the operation
     */
    static void complete(Operation operation, PathItem item, boolean secured, boolean bearer) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        if (secured) {
            addIfAbsent(responses, ProblemType.UNAUTHORIZED, bearer ? "No valid bearer token (WWW-Authenticate: Bearer)"
                    : "The credential is missing or wrong");
        }
        if (bearer) {
            addIfAbsent(responses, ProblemType.FORBIDDEN, "The token's roles do not allow this operation");
        }
        if (hasParameter(operation, item, Parameter.In.PATH)) {
            addIfAbsent(responses, ProblemType.NOT_FOUND, "Nothing with this id, or the id is malformed");
        }
        if (operation.getRequestBody() != null || hasParameter(operation, item, Parameter.In.QUERY)
                || hasParameter(operation, item, Parameter.In.HEADER)) {
            addIfAbsent(responses, ProblemType.VALIDATION, "Invalid fields or a malformed request");
        }
        if (requiresIfMatch(operation, item)) {
            addIfAbsent(responses, ProblemType.PRECONDITION_REQUIRED, "No If-Match: send the ETag of your last GET of "
                    + "this resource");
        }
        if (responses.getAPIResponses() == null) {
            return;
        }
        for (Map.Entry<String, APIResponse> e : responses.getAPIResponses().entrySet()) {
            int status = status(e.getKey());
            if (status >= 400 && e.getValue().getRef() == null) {
                problemContent(e.getValue(), status);
            }
        }
    }

    /** True when a credential is needed: every alternative names a scheme (an empty {@code {}} makes it optional). */
    static boolean secured(List<SecurityRequirement> requirements) {
        return requirements != null && !requirements.isEmpty()
                && requirements.stream().allMatch(r -> r.getSchemes() != null && !r.getSchemes().isEmpty());
    }

    /** True when some requirement names a bearer (HTTP, OAuth 2 or OpenID Connect) scheme: roles decide then. */
    static boolean bearer(List<SecurityRequirement> requirements, Map<String, SecurityScheme> schemes) {
        return secured(requirements) && requirements.stream().flatMap(r -> r.getSchemes().keySet().stream())
                .map(schemes::get)
                .anyMatch(s -> s != null && s.getType() != null && s.getType() != SecurityScheme.Type.APIKEY);
    }

    private static boolean hasParameter(Operation operation, PathItem item, Parameter.In in) {
        return hasParameter(operation.getParameters(), in) || hasParameter(item.getParameters(), in);
    }

    /** A required {@code If-Match} header: the operation answers 428 without one ({@code problem.IfMatch#required}). */
    static boolean requiresIfMatch(Operation operation, PathItem item) {
        return requiresIfMatch(operation.getParameters()) || requiresIfMatch(item.getParameters());
    }

    private static boolean requiresIfMatch(List<Parameter> parameters) {
        return parameters != null && parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.HEADER
                && IfMatch.HEADER.equalsIgnoreCase(p.getName()) && Boolean.TRUE.equals(p.getRequired()));
    }

    private static boolean hasParameter(List<Parameter> parameters, Parameter.In in) {
        return parameters != null && parameters.stream().anyMatch(p -> p.getIn() == in);
    }

    private static void addIfAbsent(APIResponses responses, ProblemType type, String description) {
        String code = Integer.toString(type.status());
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description + " (problem+json)"));
        }
    }

    /** The problem+json content of an error response: the schema, and an example unless it shows some already. */
    private static void problemContent(APIResponse response, int status) {
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            ProblemType type = typeFor(status);
            response.setDescription(type != null ? type.title() : "A problem (problem+json)");
        }
        if (response.getContent() == null) {
            response.setContent(OASFactory.createContent());
        }
        Content content = response.getContent();
        MediaType media = content.getMediaType(Problem.MEDIA_TYPE);
        if (media == null) {
            media = OASFactory.createMediaType();
            content.addMediaType(Problem.MEDIA_TYPE, media);
        }
        if (media.getSchema() == null) {
            media.setSchema(OASFactory.createSchema().ref(SCHEMAS + PROBLEM_SCHEMA));
        }
        boolean hasExamples = media.getExample() != null || (media.getExamples() != null && !media.getExamples().isEmpty());
        Map<String, Object> example = example(status);
        if (!hasExamples && example != null) {
            media.setExample(example);
        }
    }

    /** The problem a service sends with this status, as {@code ProblemMappers} and {@code ProblemException} write it. */
    static Map<String, Object> example(int status) {
        ProblemType type = typeFor(status);
        if (type == null) {
            return null;
        }
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", type.uri());
        example.put("title", type.title());
        example.put("status", status);
        switch (type) {
            case VALIDATION -> {
                example.put("detail", "1 field(s) invalid: name");
                example.put("errors", List.of(Map.of("field", "name", "message", "must not be blank")));
            }
            case UNAUTHORIZED -> example.put("detail", "Send a bearer token in the Authorization header");
            case NOT_FOUND -> example.put("detail", "No resource with this id");
            case PRECONDITION_REQUIRED -> {
                example.put("detail", "This change needs If-Match: send the ETag of your last GET of this resource, "
                        + "so that it is not made over someone else's");
                example.put("header", IfMatch.HEADER);
            }
            default -> {
            }
        }
        return example;
    }

    /** The first (most common) problem type with this status; null for a status no service sends. */
    static ProblemType typeFor(int status) {
        for (ProblemType type : ProblemType.values()) {
            if (type.status() == status) {
                return type;
            }
        }
        return null;
    }

    private static int status(String code) {
        try {
            return Integer.parseInt(code);
        } catch (NumberFormatException e) {
            return "default".equals(code) ? 500 : -1;
        }
    }

    static Schema problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", string("A stable URI per kind of problem; clients branch on it", "uri")
                .examples(List.of(ProblemType.VALIDATION.uri())));
        properties.put("title", string("A short summary of the kind of problem, for people", null));
        properties.put("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                .description("The HTTP status").minimum(java.math.BigDecimal.valueOf(400))
                .maximum(java.math.BigDecimal.valueOf(599)));
        properties.put("detail", string("What went wrong this time, for people", null));
        properties.put("instance", string("The request path", "uri-reference"));
        properties.put("errors", OASFactory.createSchema().addType(SchemaType.ARRAY)
                .description("The failing fields of a validation problem")
                .items(OASFactory.createSchema().ref(SCHEMAS + FIELD_ERROR_SCHEMA)));
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("An RFC 9457 problem (application/problem+json). A problem may carry more members "
                        + "that name what it is about, e.g. existingCustomerId or sku.")
                .required(List.of("type", "title", "status"))
                .properties(properties)
                .additionalPropertiesBoolean(Boolean.TRUE);
    }

    static Schema fieldErrorSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("field", string("A JSON path into the body such as lines[0].quantity, or a parameter's name",
                null));
        properties.put("message", string("What is wrong with it", null));
        return OASFactory.createSchema().addType(SchemaType.OBJECT).description("One failing input")
                .required(List.of("field", "message")).properties(properties);
    }

    private static Schema string(String description, String format) {
        Schema schema = OASFactory.createSchema().addType(SchemaType.STRING).description(description);
        return format == null ? schema : schema.format(format);
    }
}
