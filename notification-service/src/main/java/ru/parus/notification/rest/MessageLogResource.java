package ru.parus.notification.rest;

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

import ru.parus.notification.domain.MessageLog;
import ru.parus.notification.service.MessageLogService;
import ru.parus.platform.security.Roles;

/** The delivery log of messages to customers (R21). */
@Path("/messages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Messages")
@SecurityRequirement(name = "jwt")
@RolesAllowed({ Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
public class MessageLogResource {
    @Inject
    MessageLogService service;

    public record MessageView(UUID id, UUID customerId, String channel, String status, String causeEventId,
            OffsetDateTime createdAt, long version) {
        static MessageView of(MessageLog m) {
            return new MessageView(m.id, m.customerId, m.channel, m.status, m.causeEventId, m.createdAt, m.version);
        }
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A message sent to a customer, with its delivery status")
    @APIResponse(responseCode = "200", description = "The message; ETag carries the version")
    @APIResponse(responseCode = "404", description = "No such message (problem+json)")
    public Response get(@PathParam("id") UUID id) {
        MessageLog message = service.get(id);
        return Response.ok(MessageView.of(message)).tag(new EntityTag(Long.toString(message.version))).build();
    }
}
