package ru.parus.order.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ru.parus.order.service.PromoService;
import ru.parus.platform.security.CurrentStaff;
import ru.parus.platform.security.Roles;

@Path("/orders/{id}/promo-code")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Promo codes")
@SecurityRequirement(name = "jwt")
public class PromoApplyResource {
    @Inject
    PromoService service;
    @Inject
    CurrentStaff staff;

    @POST
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD })
    @Operation(summary = "Apply a promo code to the order (R11)", description = "One code per order. The order gets "
            + "the larger of the promo discount and the manager's discount (R9, R10), never their sum.")
    @APIResponse(responseCode = "200", description = "Applied")
    @APIResponse(responseCode = "403", description = "Another manager's customer (R22, R24)")
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponse(responseCode = "409", description = "A code is applied already, or the order is confirmed")
    @APIResponse(responseCode = "422", description = "Unknown code, outside its validity, another channel, below "
            + "its minimum total, or its usage limits reached")
    public PromoResource.AppliedView apply(@PathParam("id") UUID id, @Valid @NotNull PromoResource.ApplyBody body) {
        return PromoResource.applied(service.apply(id, body.code(), staff.id()));
    }
}
