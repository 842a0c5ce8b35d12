package ru.parus.order.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ru.parus.order.domain.Order;
import ru.parus.order.service.BonusService;
import ru.parus.platform.security.CurrentStaff;
import ru.parus.platform.security.Roles;

/** R11: bonus points: spending them on an order, a customer's balance and ledger. */
@Path("/orders/{id}/bonus")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Bonus points")
@SecurityRequirement(name = "jwt")
public class BonusResource {
    @Inject
    BonusService service;
    @Inject
    CurrentStaff staff;

    public record SpendBody(@NotNull @PositiveOrZero @Schema(examples = "10000",
            description = "points (1 point = 1 kopeck); replaces an earlier spend, 0 removes it") Long points) {
    }

    public record SpendView(UUID orderId, UUID customerId, long bonusPoints, long maxPoints, long discountKopecks,
            long payableKopecks) {
    }

    /**
     * One ledger entry (R11): kind EARNED, SPENT, RETURNED (spent points given back), REVOKED (earned points taken
     * back, {@code shortfallPoints} what could not be), EXPIRED (orderId: the order that earned them).
     */
    public record EntryView(String kind, UUID orderId, long points, OffsetDateTime at, Long shortfallPoints) {
    }

    public record StatementView(UUID customerId, long balancePoints, List<EntryView> ledger) {
    }

    @POST
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD })
    @Operation(summary = "Spend bonus points on the order (R11)", description = "The discount comes first, the points "
            + "pay at most parus.order.bonus.max-share-percent (20) of the rest and at most the customer's balance. "
            + "Spending again replaces the previous spend. The points are debited at confirmation, which re-checks "
            + "the balance (422 when another order took them).")
    @APIResponse(responseCode = "200", description = "Recorded; the order's payable amount drops by the points")
    @APIResponse(responseCode = "400", description = "Missing or negative points")
    @APIResponse(responseCode = "403", description = "Another manager's customer (R22, R24)")
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponse(responseCode = "409", description = "The order is confirmed already")
    @APIResponse(responseCode = "422", description = "Above the cap or above the customer's balance")
    public SpendView spend(@PathParam("id") UUID id, @Valid @NotNull SpendBody body) {
        Order o = service.spend(id, body.points(), staff.id());
        return new SpendView(o.id, o.customerId, o.bonusPoints, service.cap(o), o.discountKopecks(), o.payableKopecks());
    }
}
