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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ru.parus.order.domain.CrossSellRule;
import ru.parus.order.service.CrossSellMapService;
import ru.parus.platform.security.CurrentStaff;
import ru.parus.platform.security.Roles;

@Path("/cross-sell-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cross-sell map")
@SecurityRequirement(name = "jwt")
public class CrossSellRuleResource {
    @Inject
    CrossSellMapService service;
    @Inject
    CurrentStaff staff;

    @Schema(description = "A line of the cross-sell map (R8): WITH_PRODUCT needs triggerSku, FOR_CUSTOMER_TYPE needs customerType")
    public record RuleRequest(
            @NotNull @Schema(examples = "WITH_PRODUCT") CrossSellRule.Kind kind,
            @Size(max = 64) @Schema(examples = "WHEY-CHOC-900") String triggerSku,
            @Size(max = 40) @Schema(examples = "ATHLETE") String customerType,
            @NotBlank @Size(max = 64) @Schema(examples = "SHAKER-700") String offerSku,
            @NotNull @Min(0) @Max(1000) @Schema(examples = "50", description = "higher first") Integer priority,
            @Schema(examples = "2026-11-01T00:00:00Z") OffsetDateTime validFrom,
            @Schema(examples = "2027-03-01T00:00:00Z") OffsetDateTime validUntil,
            @Size(max = 500) String note) {
        CrossSellMapService.RuleCommand toCommand() {
            return new CrossSellMapService.RuleCommand(kind, blank(triggerSku), blank(customerType), offerSku, priority,
                    validFrom, validUntil, note);
        }

        private static String blank(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }
    }

    public record RuleView(UUID id, String kind, String triggerSku, String customerType, String offerSku, int priority,
            OffsetDateTime validFrom, OffsetDateTime validUntil, String note, String updatedBy, OffsetDateTime updatedAt,
            long version) {
        static RuleView of(CrossSellRule r) {
            return new RuleView(r.id, r.kind.name(), r.triggerSku, r.customerType, r.offerSku, r.priority, r.validFrom,
                    r.validUntil, r.note, r.updatedBy, r.updatedAt, r.version);
        }
    }

    public record RulePage(List<RuleView> items, int page, int size, long total) {
    }

    @GET
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
    @Operation(summary = "The cross-sell map (R8), highest priority first")
    @APIResponse(responseCode = "200", description = "A page of rules")
    public RulePage list(@QueryParam("kind") CrossSellRule.Kind kind, @QueryParam("sku") @Size(max = 64) String sku,
            @QueryParam("customerType") @Size(max = 40) String customerType,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return new RulePage(service.list(kind, sku, customerType, page, size).stream().map(RuleView::of).toList(), page,
                size, service.count(kind, sku, customerType));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
    @Operation(summary = "A rule of the cross-sell map; ETag is its version")
    @APIResponse(responseCode = "200", description = "The rule; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleView.class)))
    @APIResponse(responseCode = "404", description = "No such rule")
    public Response get(@PathParam("id") UUID id) {
        CrossSellRule rule = service.find(id);
        return Response.ok(RuleView.of(rule)).tag(CatalogueResource.etag(rule.version)).build();
    }

    @POST
    @RolesAllowed({ Roles.HEAD })
    @Operation(summary = "Add a rule to the cross-sell map (R8)", description = "Only the head edits the map.")
    @APIResponse(responseCode = "201", description = "Created; Location names it, ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields: unknown SKU, missing trigger, a period that ends before it starts")
    @APIResponse(responseCode = "403", description = "Not the head")
    public Response create(@Valid @NotNull RuleRequest request) {
        CrossSellRule rule = service.create(request.toCommand(), staff.id());
        return Response.created(URI.create("/cross-sell-rules/" + rule.id)).entity(RuleView.of(rule))
                .tag(CatalogueResource.etag(rule.version)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.HEAD })
    @Operation(summary = "Replace a rule (R8); needs If-Match")
    @APIResponse(responseCode = "200", description = "Updated; new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or an If-Match that is no ETag of ours")
    @APIResponse(responseCode = "404", description = "No such rule")
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    @APIResponse(responseCode = "428", description = "No If-Match: send the ETag of your last GET of the rule")
    public Response update(@PathParam("id") UUID id,
            @Parameter(description = "the ETag of the rule as read", example = "\"1\"", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RuleRequest request) {
        CrossSellRule rule = service.update(id, CatalogueResource.version(ifMatch), request.toCommand(), staff.id());
        return Response.ok(RuleView.of(rule)).tag(CatalogueResource.etag(rule.version)).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.HEAD })
    @Operation(summary = "Remove a rule (R8); needs If-Match")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such rule")
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    @APIResponse(responseCode = "428", description = "No If-Match: send the ETag of your last GET of the rule")
    public Response delete(@PathParam("id") UUID id,
            @Parameter(description = "the ETag of the rule as read", example = "\"1\"", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, CatalogueResource.version(ifMatch), staff.id());
        return Response.noContent().build();
    }
}
