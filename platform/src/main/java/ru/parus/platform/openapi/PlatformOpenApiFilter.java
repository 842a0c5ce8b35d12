package ru.parus.platform.openapi;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The one {@code mp.openapi.filter} of every service (platform's microprofile-config.properties): completes the
 * document the annotations describe, in this order, once for all services.
 * <ol>
 * <li>{@link ProblemResponsesFilter}: the {@code Problem} schema and the problem+json errors;</li>
 * <li>{@link ResponseExamplesFilter}: an example for every response body that shows none, made from its schema
 * (after the first, so that the responses it adds are complete too).</li>
 * </ol>
 */
public class PlatformOpenApiFilter implements OASFilter {
    private final OASFilter problems = new ProblemResponsesFilter();
    private final OASFilter examples = new ResponseExamplesFilter();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        problems.filterOpenAPI(openAPI);
        examples.filterOpenAPI(openAPI);
    }
}
