package ru.parus.order.rest;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ru.parus.order.domain.UpsellOffer;
import ru.parus.order.service.UpsellService;
import ru.parus.platform.security.CurrentStaff;
import ru.parus.platform.security.Roles;

@Path("/orders/{id}/offers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Upsell")
@SecurityRequirement(name = "jwt")
public class OfferResource {
    @Inject
    UpsellService service;
    @Inject
    CurrentStaff staff;

    @Schema(description = "An item offered beyond the order and the customer's answer (R7)")
    public record OfferRequest(
            @NotBlank @Size(max = 64) @Schema(examples = "SHAKER-700") String sku,
            @NotNull @Schema(examples = "ACCEPTED") UpsellOffer.Answer answer,
            @Min(1) @Max(999) @Schema(examples = "1", description = "default 1; used when accepted") Integer quantity,
            @Size(max = 100) @Schema(examples = "GOES_WITH:WHEY-CHOC-900", description = "the suggestion's reason code") String reason) {
    }

    public record OfferView(UUID id, UUID orderId, String sku, String answer, int quantity, String reason,
            String recordedBy, OffsetDateTime recordedAt) {
        static OfferView of(UpsellOffer o) {
            return new OfferView(o.id, o.orderId, o.sku, o.answer.name(), o.quantity, o.reason, o.recordedBy, o.recordedAt);
        }
    }

    @POST
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD })
    @Operation(summary = "Record an offer and the customer's answer (R7)", description = "ACCEPTED adds the line, "
            + "priced from the catalogue, while the order accepts line changes; DECLINED is kept. Publishes "
            + "UpsellOfferRecorded on order-events. A SKU is offered once per order.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfferView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "403", description = "Another manager's customer (R22, R24)")
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponse(responseCode = "409", description = "Already offered, or the order no longer accepts lines")
    @APIResponse(responseCode = "422", description = "Unknown SKU; accepted item unavailable or already in the order")
    public Response record(@PathParam("id") UUID id, @Valid @NotNull OfferRequest request) {
        UpsellOffer offer = service.record(id, new UpsellService.OfferCommand(request.sku(), request.answer(),
                request.quantity() == null ? 1 : request.quantity(), request.reason()), staff.id());
        return Response.created(URI.create("/orders/" + id + "/offers")).entity(OfferView.of(offer)).build();
    }

    @GET
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
    @Operation(summary = "The offers made with this order, in the order recorded (R7)")
    @APIResponse(responseCode = "200", description = "Offers")
    @APIResponse(responseCode = "403", description = "Another manager's customer (R22, R24)")
    @APIResponse(responseCode = "404", description = "No such order")
    public List<OfferView> list(@PathParam("id") UUID id) {
        return service.offersOf(id).stream().map(OfferView::of).toList();
    }
}
