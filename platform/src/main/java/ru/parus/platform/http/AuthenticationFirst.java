package ru.parus.platform.http;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

import ru.parus.platform.problem.Credential;
import ru.parus.platform.problem.Problem;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;

/**
 * The caller is judged before the request: this filter runs before RESTEasy matches a resource, so before any
 * 404, 405, 415 or 400 and before the body is read. A request without the credential its path needs is a 401
 * problem whatever else is wrong with it.
 * <ul>
 * <li>{@code /q/...} (health, metrics, OpenAPI, Swagger UI): open, nothing is checked;</li>
 * <li>a path of {@code parus.http.other-credentials} (a webhook): its header or query parameter must be present,
 * else a 401 naming that credential; the endpoint itself checks its value and answers the same problem;</li>
 * <li>every other path: {@code Authorization: Bearer <token>} whose token authenticates (the deferred identity of
 * {@code quarkus.http.auth.proactive=false} is awaited here); else a 401 with {@code WWW-Authenticate: Bearer}.
 * Roles are still checked by each resource ({@code @RolesAllowed}), after matching.</li>
 * </ul>
 */
public class AuthenticationFirst {
    static final String OPERATIONAL = "/q";
    private static final String BEARER = "Bearer ";
    /** No response: the request goes on to matching. */
    private static final Uni<Response> NEXT = Uni.createFrom().nullItem();

    @Inject
    HttpConfig config;
    @Inject
    CurrentIdentityAssociation identity;

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Uni<Response> authenticate(ContainerRequestContext request) {
        String path = path(request);
        if (path.equals(OPERATIONAL) || path.startsWith(OPERATIONAL + "/")) {
            return NEXT;
        }
        for (HttpConfig.OtherCredential other : config.otherCredentials().values()) {
            if (other.covers(path)) {
                Credential credential = other.credential();
                return present(request, credential) ? NEXT
                        : Uni.createFrom().item(problem(ProblemException.unauthorized(credential,
                                "Send the " + credential.name() + " in the " + credential.place()), path));
            }
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || authorization.substring(BEARER.length()).isBlank()) {
            return Uni.createFrom().item(bearerMissing(path, "Send a bearer token in the Authorization header", "Bearer"));
        }
        return identity.getDeferredIdentity().onItemOrFailure().transform((SecurityIdentity id, Throwable failure) -> {
            if (failure != null || id == null || id.isAnonymous()) {
                return bearerMissing(path, "The bearer token is not valid: expired, not signed by the company IdP, "
                        + "or of another issuer", "Bearer error=\"invalid_token\"");
            }
            return null;
        });
    }

    private static boolean present(ContainerRequestContext request, Credential credential) {
        String value = switch (credential.in()) {
            case HEADER -> request.getHeaderString(credential.parameter());
            case QUERY -> first(request.getUriInfo().getQueryParameters().get(credential.parameter()));
        };
        return value != null && !value.isBlank();
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Response bearerMissing(String path, String detail, String challenge) {
        return Response.fromResponse(problem(new ProblemException(ProblemType.UNAUTHORIZED, detail), path))
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }

    private static Response problem(ProblemException e, String path) {
        Problem problem = e.toProblem(path);
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The path RESTEasy matches on: decoded and normalised ({@code /q/../customers} is {@code /customers}). */
    private static String path(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return path.startsWith("/") ? path : "/" + path;
    }
}
