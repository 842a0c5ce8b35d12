package ru.parus.callcenter.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ru.parus.callcenter.domain.CallTask;
import ru.parus.callcenter.service.CallTaskService;
import ru.parus.platform.security.Roles;

@Path("/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Call tasks")
@SecurityRequirement(name = "jwt")
@RolesAllowed({ Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
public class CallTaskResource {
    @Inject
    CallTaskService service;

    public record CallTaskView(UUID id, UUID customerId, String kind, String assignee, String status,
            OffsetDateTime dueAt, OffsetDateTime createdAt, long version) {
        static CallTaskView of(CallTask t) {
            return new CallTaskView(t.id, t.customerId, t.kind, t.assignee, t.status, t.dueAt, t.createdAt, t.version);
        }
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A call task")
    @APIResponse(responseCode = "200", description = "The task; ETag carries the version")
    @APIResponse(responseCode = "404", description = "No such task (problem+json)")
    public Response get(@PathParam("id") UUID id) {
        CallTask task = service.get(id);
        return Response.ok(CallTaskView.of(task)).tag(new EntityTag(Long.toString(task.version))).build();
    }
}
