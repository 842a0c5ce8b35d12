package ru.parus.order.rest;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ru.parus.order.domain.ContactFirst;
import ru.parus.order.service.ReplenishmentPolicy;
import ru.parus.platform.security.CurrentStaff;
import ru.parus.platform.security.Roles;

/** R25: the head's choice per product category: a replenishment starts with a call (default) or a message. */
@Path("/catalogue/categories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue")
@SecurityRequirement(name = "jwt")
public class CategoryReplenishmentResource {
    @Inject
    ReplenishmentPolicy policy;
    @Inject
    CurrentStaff staff;

    @Schema(description = "R25: how a replenishment of the category's products starts")
    public record ReplenishmentRequest(
            @NotNull @Schema(examples = "MESSAGE", description = "CALL: a call task for the owner manager (the default); "
                    + "MESSAGE: a reminder by the customer's preferred consented channel") ContactFirst contactFirst) {
    }

    @Schema(name = "CategoryReplenishment", description = "R25: a category's choice; changedAt/changedBy null while it is the default")
    public record ReplenishmentView(@Schema(examples = "PROTEIN") String category, ContactFirst contactFirst,
            OffsetDateTime changedAt, String changedBy) {
        static ReplenishmentView of(ReplenishmentPolicy.Choice c) {
            return new ReplenishmentView(c.category(), c.contactFirst(), c.changedAt(), c.changedBy());
        }
    }

    @GET
    @Path("/replenishment")
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
    @Operation(summary = "Every category's replenishment choice (R25)")
    @APIResponse(responseCode = "200", description = "The categories of the catalogue with their choice")
    public List<ReplenishmentView> all() {
        return policy.all().stream().map(ReplenishmentView::of).toList();
    }

    @GET
    @Path("/{category}/replenishment")
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
    @Operation(summary = "A category's replenishment choice (R25)")
    @APIResponse(responseCode = "200", description = "The choice (CALL unless the head chose otherwise)")
    @APIResponse(responseCode = "404", description = "No such category")
    public ReplenishmentView get(@Parameter(example = "PROTEIN") @PathParam("category") String category) {
        return ReplenishmentView.of(policy.get(category));
    }

    @PUT
    @Path("/{category}/replenishment")
    @RolesAllowed(Roles.HEAD)
    @Operation(summary = "Choose call or message first for a category (R25)", description = "Only the head. Applies "
            + "to the ReplenishmentDue events published from now on.")
    @APIResponse(responseCode = "200", description = "The choice as stored")
    @APIResponse(responseCode = "400", description = "contactFirst missing or not CALL/MESSAGE")
    @APIResponse(responseCode = "403", description = "Only the head chooses")
    @APIResponse(responseCode = "404", description = "No such category")
    public ReplenishmentView choose(@Parameter(example = "PROTEIN") @PathParam("category") String category,
            @Valid @NotNull ReplenishmentRequest request) {
        return ReplenishmentView.of(policy.choose(category, request.contactFirst(), staff.id()));
    }
}
