package ru.parus.order.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ru.parus.order.config.DiscountConfig;
import ru.parus.order.domain.DiscountRequest;
import ru.parus.order.domain.Order;
import ru.parus.order.service.DiscountService;
import ru.parus.order.service.OrderService;
import ru.parus.platform.paging.Page;
import ru.parus.platform.security.CurrentStaff;
import ru.parus.platform.security.Roles;

/** R10: the head's decisions; the order-scoped discount endpoints (R9, R10) are in {@link OrderResource}. */
@Path("/discount-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Discounts")
@SecurityRequirement(name = "jwt")
public class DiscountResource {
    @Inject
    DiscountService service;
    @Inject
    CurrentStaff staff;
    @Inject
    DiscountConfig config;
    @Inject
    OrderService orders;

    @Schema(description = "The one discount of the order, in percent of the items total (up to 2 decimal places)")
    public record DiscountBody(
            @NotNull @Schema(examples = "3.5", description = "0 removes the discount") BigDecimal percent,
            @NotBlank @Size(max = 1000) @Schema(examples = "постоянный клиент, просит скидку") String reason) {
    }

    public record DecisionBody(@Size(max = 1000) @Schema(examples = "клиент берёт на 50 000 ₽ в месяц") String reason) {
    }

    public record RejectBody(@NotBlank @Size(max = 1000) @Schema(examples = "маржа не позволяет") String reason) {
    }

    @Schema(description = "The order's discount now, and the request waiting for the head, if any")
    public record DiscountView(UUID orderId, BigDecimal percent, long discountKopecks, long itemsTotalKopecks,
            long payableKopecks, BigDecimal managerLimitPercent, UUID approvedRequestId, RequestView pendingRequest,
            long version) {
    }

    @Schema(description = "A discount request above the manager's limit and the head's decision (who, when, why)")
    public record RequestView(UUID id, UUID orderId, UUID customerId, String requestedBy, OffsetDateTime requestedAt,
            BigDecimal percent, long requestedKopecks, long itemsTotalKopecks, String reason, String status,
            String decidedBy, OffsetDateTime decidedAt, String decisionReason, boolean inEffect) {
        static RequestView of(DiscountRequest r, Order o) {
            return new RequestView(r.id, r.orderId, r.customerId, r.requestedBy, r.requestedAt, r.percent,
                    r.requestedKopecks, r.itemsTotalKopecks, r.reason, r.status.name(), r.decidedBy, r.decidedAt,
                    r.decisionReason, o != null && r.id.equals(o.discountApprovedRequestId));
        }
    }

    @Schema(description = "One page of the head's queue, oldest first")
    public record RequestPage(List<RequestView> items, @Schema(examples = "0") int page,
            @Schema(examples = "20") int size, @Schema(examples = "3") long total) {
    }

    @GET
    @RolesAllowed({ Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
    @Operation(summary = "The head's queue of discount requests (R10)", description = "Requests in one status "
            + "(PENDING when none is given), oldest first: the order, who asked (requestedBy), how much, why, when. "
            + "Paged like every list: page from 0, size 1..100 (default 20).")
    @APIResponse(responseCode = "200", description = "A page of requests")
    @APIResponse(responseCode = "400", description = "An unknown status, or a bad page or size (problem+json)")
    @APIResponse(responseCode = "403", description = "Not the head, the director or the admin")
    public RequestPage queue(
            @Parameter(description = "PENDING (default), APPROVED, REJECTED or SUPERSEDED", example = "PENDING") @QueryParam("status") String status,
            @Parameter(description = "0-based page", example = "0") @QueryParam("page") String page,
            @Parameter(description = "page size, 1..100, default 20", example = "20") @QueryParam("size") String size) {
        Page<RequestView> p = service.queue(status, OrderResource.integer("page", page),
                OrderResource.integer("size", size)).map(q -> RequestView.of(q.request(), q.order()));
        return new RequestPage(p.items(), p.page(), p.size(), p.total());
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Roles.HEAD)
    @Operation(summary = "The head approves a discount request (R10)", description = "The requested percent becomes "
            + "the order's discount; publishes DiscountApproved. The same head approving again has no further effect.")
    @APIResponse(responseCode = "200", description = "Approved")
    @APIResponse(responseCode = "403", description = "Not the head, or the head's own request")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "Already decided by another head (also at the same instant: "
            + "one decision wins) or superseded, naming the request and its currentStatus; the order's total changed "
            + "since the request, or the order is confirmed")
    public RequestView approve(@PathParam("id") UUID id, @Valid DecisionBody body) {
        DiscountService.Decided d = service.approve(id, body == null ? null : body.reason(), staff.id());
        return RequestView.of(d.request(), d.order());
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed(Roles.HEAD)
    @Operation(summary = "The head rejects a discount request (R10)", description = "The order keeps at most the "
            + "manager's limit; publishes DiscountRejected.")
    @APIResponse(responseCode = "200", description = "Rejected")
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "403", description = "Not the head, or the head's own request")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "Already decided by another head (also at the same instant: "
            + "one decision wins) or superseded, naming the request and its currentStatus")
    public RequestView reject(@PathParam("id") UUID id, @Valid @NotNull RejectBody body) {
        DiscountService.Decided d = service.reject(id, body.reason(), staff.id());
        return RequestView.of(d.request(), d.order());
    }

    static DiscountView view(Order o, DiscountRequest pending, DiscountConfig config) {
        return new DiscountView(o.id, o.discountPercent, o.discountKopecks(), o.totalKopecks, o.payableKopecks(),
                config.managerLimitPercent(), o.discountApprovedRequestId,
                pending == null ? null : RequestView.of(pending, o), o.version);
    }
}
