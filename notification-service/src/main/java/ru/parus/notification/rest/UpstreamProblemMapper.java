package ru.parus.notification.rest;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import ru.parus.notification.service.UpstreamUnavailableException;
import ru.parus.platform.problem.Problem;

/** A document's host failed us: 502 problem+json, type {@code urn:parus:problem:bad-gateway}, naming the field. */
public class UpstreamProblemMapper {
    public static final String TYPE = "urn:parus:problem:bad-gateway";

    @ServerExceptionMapper
    public Response badGateway(UpstreamUnavailableException e, UriInfo uri) {
        Problem p = new Problem(TYPE, "A document could not be fetched from its source", 502, e.getMessage(),
                uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""), List.of(new Problem.FieldError(e.field(), e.getMessage())), Map.of());
        return Response.status(502).type(Problem.MEDIA_TYPE).entity(p).build();
    }
}
