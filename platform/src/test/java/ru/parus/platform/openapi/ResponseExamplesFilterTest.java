package ru.parus.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

class ResponseExamplesFilterTest {
    private static final String REF = ProblemResponsesFilter.SCHEMAS;

    private static Schema type(SchemaType type) {
        return OASFactory.createSchema().addType(type);
    }

    private static Schema string(String format) {
        return type(SchemaType.STRING).format(format);
    }

    private static Schema object(Map<String, Schema> properties) {
        return type(SchemaType.OBJECT).properties(new LinkedHashMap<>(properties));
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref(REF + name);
    }

    /** A document with one operation answering 200 application/json with the schema; returns its media type. */
    private static MediaType filtered(Schema body, Map<String, Schema> components, Object ownExample) {
        MediaType media = OASFactory.createMediaType().schema(body);
        if (ownExample != null) {
            media.setExample(ownExample);
        }
        APIResponse ok = OASFactory.createAPIResponse().description("ok")
                .content(OASFactory.createContent().addMediaType("application/json", media));
        OpenAPI openAPI = OASFactory.createOpenAPI()
                .components(OASFactory.createComponents().schemas(new LinkedHashMap<>(components)))
                .paths(OASFactory.createPaths().addPathItem("/things", OASFactory.createPathItem()
                        .GET(OASFactory.createOperation().responses(OASFactory.createAPIResponses().addAPIResponse("200", ok)))));
        new ResponseExamplesFilter().filterOpenAPI(openAPI);
        return openAPI.getPaths().getPathItem("/things").getGET().getResponses().getAPIResponse("200").getContent()
                .getMediaType("application/json");
    }

    @Test
    void followsRefsAndUsesFormatsEnumsAndOwnExamples() {
        Map<String, Schema> components = Map.of(
                "Status", type(SchemaType.STRING).enumeration(List.of("NEW", "CONFIRMED")),
                "Line", object(Map.of("sku", type(SchemaType.STRING).examples(List.of("WHEY-CHOC-900")))),
                "Order", object(new LinkedHashMap<>(Map.of(
                        "id", string("uuid"),
                        "placedAt", string("date-time"),
                        "deliveryDate", string("date"),
                        "email", string("email"),
                        "link", string("uri"),
                        "status", ref("Status"),
                        "lines", type(SchemaType.ARRAY).items(ref("Line")),
                        "paid", type(SchemaType.BOOLEAN)))));

        Object example = filtered(ref("Order"), components, null).getExample();

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("id", ResponseExamplesFilter.SAMPLE_UUID);
        expected.put("placedAt", "2026-11-27T10:00:00Z");
        expected.put("deliveryDate", "2026-11-27");
        expected.put("email", "anna@example.org");
        expected.put("link", "https://example.org/resource");
        expected.put("status", "NEW");
        expected.put("lines", List.of(Map.of("sku", "WHEY-CHOC-900")));
        expected.put("paid", true);
        assertEquals(expected, example);
    }

    @Test
    void numbersStayWithinTheirBounds() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("quantity", type(SchemaType.INTEGER).minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(999)));
        properties.put("status", type(SchemaType.INTEGER).minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)));
        properties.put("below", type(SchemaType.INTEGER).maximum(BigDecimal.valueOf(-5)));
        properties.put("positive", type(SchemaType.NUMBER).exclusiveMinimum(BigDecimal.ZERO));
        properties.put("count", type(SchemaType.INTEGER));

        Object example = ResponseExamplesFilter.example(object(properties), Map.of());

        assertEquals(Map.of("quantity", 1L, "status", 400L, "below", -5L, "positive", 0.01, "count", 0L), example);
    }

    @Test
    void aSchemaWithinItselfStopsInsteadOfRecursing() {
        Map<String, Schema> components = Map.of("Category", object(new LinkedHashMap<>(Map.of(
                "name", type(SchemaType.STRING).examples(List.of("Протеин")),
                "parent", ref("Category"),
                "children", type(SchemaType.ARRAY).items(ref("Category"))))));

        Object example = filtered(ref("Category"), components, null).getExample();

        assertEquals(Map.of("name", "Протеин", "children", List.of()), example);
    }

    @Test
    void deepNestingIsBounded() {
        Map<String, Schema> components = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            components.put("L" + i, object(Map.of("v", type(SchemaType.INTEGER), "next", ref("L" + (i + 1)))));
        }

        Object example = filtered(ref("L0"), components, null).getExample();

        int depth = 0;
        Object level = example;
        while (level instanceof Map<?, ?> map && map.containsKey("next")) {
            level = map.get("next");
            depth++;
        }
        assertEquals((ResponseExamplesFilter.MAX_DEPTH - 1) / 2, depth, "each level is a $ref and a property: two steps");
    }

    @Test
    void anExampleTheResourceWroteWins() {
        Map<String, Object> own = Map.of("total", 1000);

        MediaType media = filtered(object(Map.of("total", type(SchemaType.INTEGER))), Map.of(), own);

        assertSame(own, media.getExample());
        assertNull(media.getExamples());
    }

    @Test
    void namedExamplesAlsoWin() {
        MediaType media = OASFactory.createMediaType().schema(type(SchemaType.STRING))
                .addExample("csv", OASFactory.createExample().value("a;b"));
        APIResponse response = OASFactory.createAPIResponse()
                .content(OASFactory.createContent().addMediaType("text/csv", media));

        ResponseExamplesFilter.complete(response, Map.of());

        assertNull(media.getExample());
        assertEquals("a;b", media.getExamples().get("csv").getValue());
    }

    @Test
    void nullableTypesAllOfAndOneOf() {
        Schema nullableDate = OASFactory.createSchema().type(List.of(SchemaType.STRING, SchemaType.NULL)).format("date");
        Schema composed = OASFactory.createSchema().allOf(List.of(
                object(Map.of("a", nullableDate)),
                object(Map.of("b", OASFactory.createSchema().oneOf(List.of(type(SchemaType.NULL), string("uuid")))))));

        assertEquals(Map.of("a", "2026-11-27", "b", ResponseExamplesFilter.SAMPLE_UUID),
                ResponseExamplesFilter.example(composed, Map.of()));
    }

    @Test
    void theProblemFilterRunsFirstSoItsExamplesStay() {
        APIResponse notFound = OASFactory.createAPIResponse().description("No such thing");
        OpenAPI openAPI = OASFactory.createOpenAPI().paths(OASFactory.createPaths().addPathItem("/things/{id}",
                OASFactory.createPathItem().GET(OASFactory.createOperation()
                        .responses(OASFactory.createAPIResponses().addAPIResponse("404", notFound)))));

        new PlatformOpenApiFilter().filterOpenAPI(openAPI);

        Object example = notFound.getContent().getMediaType("application/problem+json").getExample();
        assertEquals(ProblemResponsesFilter.example(404), example);
    }
}
