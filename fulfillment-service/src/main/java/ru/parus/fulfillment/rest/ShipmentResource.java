package ru.parus.fulfillment.rest;

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

import ru.parus.fulfillment.domain.Shipment;
import ru.parus.fulfillment.service.ShipmentService;
import ru.parus.platform.security.Roles;

/** The warehouse ships (R12); managers confirm readiness and delivery with the customer (R13). */
@Path("/shipments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shipments")
@SecurityRequirement(name = "jwt")
@RolesAllowed({ Roles.WAREHOUSE, Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
public class ShipmentResource {
    @Inject
    ShipmentService service;

    public record ShipmentView(UUID id, UUID orderId, String status, String deliveryMethod, OffsetDateTime createdAt,
            long version) {
        static ShipmentView of(Shipment s) {
            return new ShipmentView(s.id, s.orderId, s.status, s.deliveryMethod, s.createdAt, s.version);
        }
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A shipment")
    @APIResponse(responseCode = "200", description = "The shipment; ETag carries the version")
    @APIResponse(responseCode = "404", description = "No such shipment (problem+json)")
    public Response get(@PathParam("id") UUID id) {
        Shipment shipment = service.get(id);
        return Response.ok(ShipmentView.of(shipment)).tag(new EntityTag(Long.toString(shipment.version))).build();
    }
}
