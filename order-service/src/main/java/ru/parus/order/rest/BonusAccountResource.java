package ru.parus.order.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ru.parus.order.rest.BonusResource.EntryView;
import ru.parus.order.rest.BonusResource.StatementView;
import ru.parus.order.service.BonusService;
import ru.parus.platform.security.Roles;

/** R11: a customer's bonus balance and ledger. */
@Path("/customers/{customerId}/bonus")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bonus points")
@SecurityRequirement(name = "jwt")
public class BonusAccountResource {
    @Inject
    BonusService service;

    @GET
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD })
    @Operation(summary = "A customer's bonus balance and ledger (R11)")
    @APIResponse(responseCode = "200", description = "Balance (0 with an empty ledger for a customer without points)")
    @APIResponse(responseCode = "403", description = "Another manager's customer (R22, R24); unknown customers count as unowned")

    public StatementView statement(@PathParam("customerId") UUID customerId) {
        BonusService.Statement s = service.statement(customerId);
        return new StatementView(s.customerId(), s.balancePoints(), s.ledger().stream()
                .map(e -> new EntryView(e.kind.name(), e.orderId, e.points, e.at, e.shortfallPoints)).toList());
    }
}
