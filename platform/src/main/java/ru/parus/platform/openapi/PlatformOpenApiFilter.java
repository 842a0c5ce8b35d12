package ru.parus.platform.openapi;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * The one {@code mp.openapi.filter} of every service (platform's microprofile-config.properties): completes the
 * document the annotations describe, in this order, once for all services.
 * <ol>
 * <li>{@link ProblemResponsesFilter}: the {@code Problem} schema and the problem+json errors;</li>
 * <li>{@link ResponseExamplesFilter}: an example for every response body that shows none, made from its schema
 * (after the first, so that the responses it adds are complete too).</li>
 * </ol>
 * And every schema of type {@code string} keeps its examples as strings ({@link #filterSchema}).
 */
public class PlatformOpenApiFilter implements OASFilter {
    private final OASFilter problems = new ProblemResponsesFilter();
    private final OASFilter examples = new ResponseExamplesFilter();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        problems.filterOpenAPI(openAPI);
        examples.filterOpenAPI(openAPI);
    }

    /**
     * SmallRye reads an annotation's example that looks like a number ({@code @Schema(examples = "79123456789")} on a
     * String) as a number, which a string schema's example must not be (Redocly's {@code no-invalid-schema-examples},
     * and generated clients would show a number): such examples are put back as the text they were written as.
     */
    @Override
    public Schema filterSchema(Schema schema) {
        List<SchemaType> type = schema.getType();
        if (type == null || type.size() != 1 || type.get(0) != SchemaType.STRING) {
            return schema;
        }
        if (schema.getExamples() != null && schema.getExamples().stream().anyMatch(PlatformOpenApiFilter::scalar)) {
            schema.setExamples(schema.getExamples().stream().map(PlatformOpenApiFilter::text).toList());
        }
        if (scalar(schema.getDefaultValue())) {
            schema.setDefaultValue(text(schema.getDefaultValue()));
        }
        return schema;
    }

    private static boolean scalar(Object value) {
        return value instanceof Number || value instanceof Boolean;
    }

    private static Object text(Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return scalar(value) ? value.toString() : value;
    }
}
