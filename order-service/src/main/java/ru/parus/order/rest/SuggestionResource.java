package ru.parus.order.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ru.parus.order.config.OrderConfig;
import ru.parus.order.service.UpsellService;
import ru.parus.platform.security.Roles;

@Path("/orders/{id}/suggestions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Upsell")
@SecurityRequirement(name = "jwt")
public class SuggestionResource {
    @Inject
    UpsellService service;
    @Inject
    OrderConfig orderConfig;

    public record SuggestionView(@Schema(examples = "SHAKER-700") String sku,
            @Schema(examples = "Шейкер, 700 мл") String name, @Schema(examples = "39000") long priceKopecks,
            @Schema(examples = "RUB") String currency,
            @Schema(examples = "GOES_WITH:WHEY-CHOC-900", description = "NEW, FEATURED, TRADITIONAL_FOR_TYPE, "
                    + "GOES_WITH:<sku in the order>, BOUGHT_TOGETHER") String reason) {
    }

    public record Suggestions(UUID orderId, List<SuggestionView> items) {
    }

    @GET
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD })
    @Operation(summary = "What to offer with this order (R7)", description = "Two to three items, best first: the "
            + "cross-sell map's items for the products in the order (GOES_WITH), items traditional for the customer's "
            + "type, featured items, items bought together in past orders, new items. Nothing already in the order "
            + "(nor another variant of it), nothing unavailable.")
    @APIResponse(responseCode = "200", description = "Ranked suggestions")
    @APIResponse(responseCode = "403", description = "Another manager's customer (R22, R24)")
    @APIResponse(responseCode = "404", description = "No such order")
    public Suggestions suggestions(@PathParam("id") UUID id) {
        return new Suggestions(id, service.suggestions(id).stream()
                .map(s -> new SuggestionView(s.sku(), s.name(), s.priceKopecks(), orderConfig.currency(), s.reason()))
                .toList());
    }
}
