package ru.parus.order.rest;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hibernate.exception.ConstraintViolationException;

import ru.parus.order.domain.Order;
import ru.parus.order.service.OrderService;
import ru.parus.platform.security.CurrentStaff;
import ru.parus.platform.security.Roles;

@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
@SecurityRequirement(name = "jwt")
public class OrderResource {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    OrderService service;
    @Inject
    CurrentStaff staff;

    @Schema(description = "A phone order: the customer and what they buy; prices come from the catalogue")
    public record PlaceOrderRequest(
            @NotNull @Schema(examples = "5d2a8e44-91c3-4b6f-8f0e-2a7b3c9d1e55") UUID customerId,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull LineRequest> lines) {
    }

    public record LineRequest(
            @NotBlank @Size(max = 64) @Schema(examples = "WHEY-CHOC-900") String sku,
            @Min(1) @Max(999) @Schema(examples = "2") int quantity) {
    }

    public record LineView(String sku, String name, int quantity, long unitPriceKopecks, long lineTotalKopecks) {
    }

    public record OrderView(UUID id, UUID customerId, String channel, String status, String managerId,
            OffsetDateTime placedAt, String currency, long totalKopecks, List<LineView> lines, long version) {
        static OrderView of(Order o) {
            return new OrderView(o.id, o.customerId, o.channel.name(), o.status.name(), o.managerId, o.placedAt,
                    o.currency, o.totalKopecks,
                    o.lines.stream().map(l -> new LineView(l.sku, l.name, l.quantity, l.unitPriceKopecks,
                            l.lineTotalKopecks)).toList(),
                    o.version);
        }
    }

    @POST
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD })
    @Operation(summary = "Take a phone order (R3)", description = "Lines are priced by the server; OrderPlaced is "
            + "published through the outbox. Repeating the request with the same Idempotency-Key returns the same "
            + "order (header Idempotent-Replayed: true) instead of placing another.")
    @APIResponse(responseCode = "201", description = "Placed")
    @APIResponse(responseCode = "400", description = "Invalid fields (problem+json with errors[])")
    @APIResponse(responseCode = "422", description = "Unknown or unavailable SKU, or an Idempotency-Key reused for another order")
    public Response place(@Valid @NotNull PlaceOrderRequest request,
            @Parameter(description = "A client-chosen unique key; a retry with it never places a second order")
            @HeaderParam(IDEMPOTENCY_KEY) @Size(max = 100) String idempotencyKey) {
        OrderService.PlaceOrder command = new OrderService.PlaceOrder(request.customerId(),
                request.lines().stream().map(l -> new OrderService.LineRequest(l.sku(), l.quantity())).toList());
        OrderService.Placement placement;
        try {
            placement = service.placePhoneOrder(command, staff.id(), idempotencyKey);
        } catch (PersistenceException e) {
            if (idempotencyKey == null || !(e instanceof ConstraintViolationException
                    || e.getCause() instanceof ConstraintViolationException)) {
                throw e;
            }
            placement = service.replayOf(idempotencyKey, command); // a concurrent retry won the race
        }
        Order order = placement.order();
        return Response.created(URI.create("/orders/" + order.id))
                .entity(OrderView.of(order))
                .tag(new EntityTag(Long.toString(order.version)))
                .header("Idempotent-Replayed", placement.replayed() ? "true" : null)
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
    @Operation(summary = "An order with its lines")
    @APIResponse(responseCode = "404", description = "No such order")
    public Response get(@PathParam("id") UUID id) {
        Order order = service.get(id);
        return Response.ok(OrderView.of(order)).tag(new EntityTag(Long.toString(order.version))).build();
    }
}
