package ru.parus.order.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ru.parus.order.service.BoughtTogether;
import ru.parus.platform.security.Roles;

@Path("/cross-sell/bought-together/refresh")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cross-sell map")
@SecurityRequirement(name = "jwt")
public class BoughtTogetherResource {
    @Inject
    BoughtTogether boughtTogether;

    public record Refreshed(int pairs) {
    }

    @POST
    @RolesAllowed({ Roles.HEAD, Roles.ADMIN })
    @Operation(summary = "Recompute 'bought together' from order history now (R7)", description = "Otherwise it runs "
            + "every parus.upsell.bought-together-refresh.")
    @APIResponse(responseCode = "200", description = "The number of (sku, otherSku) pairs kept")
    public Refreshed refresh() {
        return new Refreshed(boughtTogether.refresh());
    }
}
