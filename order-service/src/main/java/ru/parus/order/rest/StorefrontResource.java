package ru.parus.order.rest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import ru.parus.order.config.OrderConfig;
import ru.parus.order.domain.Channel;
import ru.parus.order.domain.Order;
import ru.parus.order.rest.OrderResource.LineRequest;
import ru.parus.order.rest.OrderResource.OrderView;
import ru.parus.order.rest.OrderResource.TermsRequest;
import ru.parus.order.service.OrderService;
import ru.parus.order.service.StorefrontIntake;

/** R3: the storefronts send their orders here, signed with their HMAC secret instead of a staff token. */
@Path("/storefront/{storefront}/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Storefront intake")
@PermitAll
// OpenAPI: no bearer token (security: []); the storefront's HMAC signature of the body is checked instead
@SecurityRequirements
public class StorefrontResource {
    @Inject
    StorefrontIntake intake;
    @Inject
    ObjectMapper mapper;
    @Inject
    Validator validator;
    @Inject
    OrderConfig config;

    public record BuyerDto(@NotBlank @Size(max = 200) @Schema(examples = "Анна Смирнова") String name,
            @Size(max = 40) @Schema(examples = "+7 912 345-67-89") String phone,
            @Email @Size(max = 320) @Schema(examples = "anna@example.org") String email) {
    }

    @Schema(description = "An order from a storefront: the buyer, the lines (priced by order-service) and the terms")
    public record StorefrontOrderRequest(
            @NotBlank @Size(max = 100) @Schema(examples = "LM-2026-000123") String storefrontOrderNumber,
            @Valid @NotNull BuyerDto customer,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull LineRequest> lines,
            @Valid TermsRequest terms,
            @Min(0) @Schema(examples = "5000", description = "Bonus points the buyer spends (R11, 1 point = 1 kopeck): "
                    + "at most parus.order.bonus.max-share-percent (20) % of the amount after the discount and at most "
                    + "the customer's balance; absent or 0: none") Long bonusPoints) {
    }

    @POST
    @Operation(summary = "Take an order from a storefront (R3)", description = "The body is signed: header "
            + "X-Parus-Signature = hex HMAC-SHA256 of the raw body with the storefront's secret. Idempotent on "
            + "storefrontOrderNumber: a repeat returns the first order (200, Idempotent-Replayed: true). The buyer is "
            + "matched to a known customer by phone (E.164) or e-mail; otherwise a new customer id is issued and "
            + "OrderPlaced carries customerContact so that customer-service registers them.")
    @RequestBody(content = @Content(schema = @Schema(implementation = StorefrontOrderRequest.class)))
    @APIResponse(responseCode = "201", description = "Placed; Location names the order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "200", description = "The same storefront order number was sent before: that order "
            + "(Idempotent-Replayed: true)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields or a payment/delivery pair not allowed")
    @APIResponse(responseCode = "401", description = "Signature missing or wrong")
    @APIResponse(responseCode = "404", description = "Not a storefront (LACTOMIN, WATTN)")
    @APIResponse(responseCode = "422", description = "Unknown or unavailable SKU, or more bonus points than the cap "
            + "(maxPoints) or the customer's balance (balancePoints) allow (R11); nothing is stored")
    public Response place(@Parameter(description = "LACTOMIN or WATTN", example = "LACTOMIN") @PathParam("storefront") String storefront,
            @Context HttpHeaders headers, String rawBody) throws Exception {
        Channel channel = intake.storefront(storefront);
        byte[] raw = rawBody == null ? new byte[0] : rawBody.getBytes(StandardCharsets.UTF_8);
        intake.authenticate(channel, raw, headers.getHeaderString(config.storefront().signatureHeader()));
        StorefrontOrderRequest request = mapper.readValue(raw, StorefrontOrderRequest.class);
        if (request == null) {
            throw new ConstraintViolationException("Send the order as a JSON object", Set.of());
        }
        Set<ConstraintViolation<StorefrontOrderRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        StorefrontIntake.StorefrontOrder command = new StorefrontIntake.StorefrontOrder(request.storefrontOrderNumber(),
                new StorefrontIntake.Buyer(request.customer().name(), request.customer().phone(), request.customer().email()),
                request.lines().stream().map(l -> new OrderService.LineRequest(l.sku(), l.quantity())).toList(),
                request.terms() == null ? null : request.terms().toTerms(),
                request.bonusPoints() == null ? 0L : request.bonusPoints());
        OrderService.Placement placement;
        try {
            placement = intake.place(channel, command);
        } catch (PersistenceException e) {
            // a concurrent repeat of the same storefront number won the race: answer with its order
            placement = intake.earlier(channel, request.storefrontOrderNumber())
                    .map(o -> new OrderService.Placement(o, true)).orElseThrow(() -> e);
        }
        Order order = placement.order();
        Response.ResponseBuilder answer = placement.replayed() ? Response.ok()
                : Response.created(URI.create("/orders/" + order.id));
        return answer.entity(OrderView.of(order))
                .tag(new EntityTag(Long.toString(order.version)))
                .header("Idempotent-Replayed", placement.replayed() ? "true" : null)
                .build();
    }
}
