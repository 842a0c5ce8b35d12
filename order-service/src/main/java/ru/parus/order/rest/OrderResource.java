package ru.parus.order.rest;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import ru.parus.platform.paging.Page;
import ru.parus.order.config.DiscountConfig;
import ru.parus.order.config.OrderConfig;
import ru.parus.order.domain.DeliveryAddress;
import ru.parus.order.domain.DiscountRequest;
import ru.parus.order.domain.DeliveryMethod;
import ru.parus.order.domain.OrderHistoryEntry;
import ru.parus.order.domain.Order;
import ru.parus.order.domain.OrderStatus;
import ru.parus.order.domain.PaymentMethod;
import ru.parus.order.service.DiscountService;
import ru.parus.order.service.OrderAccess;
import ru.parus.order.service.OrderHistory;
import ru.parus.order.service.OrderLifecycle;
import ru.parus.order.service.OrderSearch;
import ru.parus.order.repository.OrderStatusChanges;
import ru.parus.order.service.Terms;
import ru.parus.platform.sse.PollingSse;
import ru.parus.platform.problem.IfMatch;
import ru.parus.platform.problem.ProblemException;
import ru.parus.order.service.OrderService;
import ru.parus.order.service.ReactivePlacement;
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
    ReactivePlacement placement;
    @Inject
    CurrentStaff staff;
    @Inject
    OrderLifecycle lifecycle;
    @Inject
    OrderHistory orderHistory;
    @Inject
    ObjectMapper mapper;
    @Inject
    DiscountService discounts;
    @Inject
    DiscountConfig discountConfig;
    @Inject
    OrderAccess access;
    @Inject
    OrderSearch search;
    @Inject
    OrderStatusChanges statusChanges;
    @Inject
    OrderConfig orderConfig;

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

    @Schema(description = "A delivery address (COURIER, RUSSIAN_POST)")
    public record AddressDto(@Size(max = 20) @Schema(examples = "620014") String postalCode,
            @Size(max = 200) @Schema(examples = "Свердловская обл.") String region,
            @Size(max = 200) @Schema(examples = "Екатеринбург") String city,
            @Size(max = 300) @Schema(examples = "ул. Малышева") String street,
            @Size(max = 50) @Schema(examples = "51") String house,
            @Size(max = 50) @Schema(examples = "12") String apartment,
            @Size(max = 500) @Schema(examples = "домофон 12") String comment) {
        Terms.Address toTerms() {
            return new Terms.Address(postalCode, region, city, street, house, apartment, comment);
        }

        static AddressDto of(DeliveryAddress a) {
            return a == null ? null : new AddressDto(a.postalCode, a.region, a.city, a.street, a.house, a.apartment, a.comment);
        }
    }

    public record RecipientDto(@Size(max = 200) @Schema(examples = "Анна Смирнова") String name,
            @Size(max = 40) @Schema(examples = "+7 912 345-67-89", description = "any usual spelling; stored as E.164") String phone) {
    }

    @Schema(description = "The terms agreed with the customer (R4, R5). Every field may still be missing; "
            + "confirmation lists what is. An invalid payment/delivery pair is refused with the allowed choices.")
    public record TermsRequest(
            @Schema(examples = "CASH_TO_COURIER") PaymentMethod paymentMethod,
            @Schema(examples = "COURIER") DeliveryMethod deliveryMethod,
            @Valid RecipientDto recipient,
            @Valid AddressDto address,
            @Size(max = 100) @Schema(description = "for PICKUP_POINT", examples = "CDEK-EKB-117") String pickupPointId,
            @Size(max = 100) @Schema(description = "for TRANSPORT_COMPANY", examples = "PEK-EKB-3") String terminalId,
            @Schema(examples = "2026-11-29") LocalDate deliveryDate,
            @Schema(examples = "10:00", type = SchemaType.STRING) LocalTime windowFrom,
            @Schema(examples = "14:00", type = SchemaType.STRING) LocalTime windowTo,
            @Size(max = 1000) @Schema(examples = "без пакета, коробка") String packagingNotes) {
        public Terms toTerms() {
            return new Terms(paymentMethod, deliveryMethod, recipient == null ? null : recipient.name(),
                    recipient == null ? null : recipient.phone(), address == null ? null : address.toTerms(),
                    pickupPointId, terminalId, deliveryDate, windowFrom, windowTo, packagingNotes);
        }
    }

    public record TermsView(PaymentMethod paymentMethod, DeliveryMethod deliveryMethod, RecipientDto recipient,
            AddressDto address, String pickupPointId, String terminalId, LocalDate deliveryDate, LocalTime windowFrom,
            LocalTime windowTo, String packagingNotes) {
    }

    public record OrderView(UUID id, UUID customerId, String channel, String status, String managerId,
            OffsetDateTime placedAt, String currency, long totalKopecks, long discountKopecks, long payableKopecks,
            List<LineView> lines, TermsView terms, String storefrontOrderNumber, OffsetDateTime confirmedAt,
            String confirmedBy, OffsetDateTime paidAt, List<String> allowedNext, long version) {
        static OrderView of(Order o) {
            return new OrderView(o.id, o.customerId, o.channel.name(), o.status.name(), o.managerId, o.placedAt,
                    o.currency, o.totalKopecks, o.discountKopecks(), o.payableKopecks(),
                    o.lines.stream().map(l -> new LineView(l.sku, l.name, l.quantity, l.unitPriceKopecks,
                            l.lineTotalKopecks)).toList(),
                    new TermsView(o.paymentMethod, o.deliveryMethod, new RecipientDto(o.recipientName, o.recipientPhone),
                            AddressDto.of(o.address), o.pickupPointId, o.terminalId, o.deliveryDate, o.windowFrom,
                            o.windowTo, o.packagingNotes),
                    o.storefrontOrderNumber, o.confirmedAt, o.confirmedBy, o.paidAt,
                    o.status.next().stream().map(Enum::name).toList(), o.version);
        }
    }

    @Schema(description = "An order in a list: no terms, so no recipient or address (personal data, R24)")
    public record OrderSummary(UUID id, UUID customerId, String channel, String status, String managerId,
            OffsetDateTime placedAt, String currency, long totalKopecks, long discountKopecks, long payableKopecks,
            String storefrontOrderNumber, OffsetDateTime confirmedAt, OffsetDateTime paidAt, long version) {
        static OrderSummary of(Order o) {
            return new OrderSummary(o.id, o.customerId, o.channel.name(), o.status.name(), o.managerId, o.placedAt,
                    o.currency, o.totalKopecks, o.discountKopecks(), o.payableKopecks(), o.storefrontOrderNumber,
                    o.confirmedAt, o.paidAt, o.version);
        }
    }

    @Schema(description = "One page of orders, newest first")
    public record OrderPage(List<OrderSummary> items, @Schema(examples = "0") int page,
            @Schema(examples = "20") int size, @Schema(examples = "42") long total) {
    }

    public record CancelRequest(@NotBlank @Size(max = 1000) @Schema(examples = "Клиент передумал") String reason,
            @Schema(description = "true when the order is cancelled because of the manager's mistake in taking it "
                    + "(wrong item, address, price); counted as an order error in the manager's KPIs (R23)",
                    defaultValue = "false") Boolean managerError) {
        boolean isManagerError() {
            return Boolean.TRUE.equals(managerError);
        }
    }

    public record TransitionRequest(@NotNull @Schema(examples = "IN_FULFILLMENT") OrderStatus to,
            @Size(max = 1000) @Schema(examples = "передан на склад") String reason) {
    }

    public record HistoryView(long id, OffsetDateTime at, String actor, String kind, String fromStatus,
            String toStatus, String reason, JsonNode details) {
    }

    @POST
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD })
    @Operation(summary = "Take a phone order (R3)", description = "Lines are priced by the server; OrderPlaced is "
            + "published through the outbox. Repeating the request with the same Idempotency-Key returns the same "
            + "order (header Idempotent-Replayed: true) instead of placing another.")
    @APIResponse(responseCode = "201", description = "Placed (or, with Idempotent-Replayed: true, the order an earlier "
            + "request with this Idempotency-Key placed); Location names it, ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (problem+json with errors[])")
    @APIResponse(responseCode = "403", description = "Another manager's customer (R22, R24)")
    @APIResponse(responseCode = "422", description = "Unknown or unavailable SKU, or an Idempotency-Key reused for another order")
    public Uni<Response> place(@Valid @NotNull PlaceOrderRequest request,
            @Parameter(description = "A client-chosen unique key; a retry with it never places a second order")
            @HeaderParam(IDEMPOTENCY_KEY) @Size(max = 100) String idempotencyKey) {
        OrderService.PlaceOrder command = new OrderService.PlaceOrder(request.customerId(),
                request.lines().stream().map(l -> new OrderService.LineRequest(l.sku(), l.quantity())).toList());
        // a new order on the event loop (issue 15); the replay of an earlier one, which may show its terms agreed
        // since (R24's audit), on a worker through Hibernate
        return placement.place(command, staff.id(), idempotencyKey)
                .onFailure(ReactivePlacement.EarlierOrder.class).recoverWithUni(() -> Uni.createFrom().item(() -> {
                    OrderService.Placement replay = service.replayOf(idempotencyKey, command);
                    access.shown(replay.order(), "POST /orders");
                    return replay;
                }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .map(placed -> Response.created(URI.create("/orders/" + placed.order().id))
                        .entity(OrderView.of(placed.order()))
                        .tag(new EntityTag(Long.toString(placed.order().version)))
                        .header("Idempotent-Replayed", placed.replayed() ? "true" : null)
                        .build());
    }

    @GET
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
    @Operation(summary = "The orders list (R24: only the orders of customers the caller may act on)", description = ""
            + "Newest first (placedAt, then id). A manager sees the orders of their own customers, of unowned ones and "
            + "of those of a colleague they deputise for (R22); the head, the director and the admin see all. Filters "
            + "combine with AND. placedFrom is inclusive, placedTo exclusive when date-times with an offset "
            + "(2026-12-01T10:00:00Z; write + as %2B); a date (2026-12-01) is that whole day in parus.order.zone. "
            + "Items carry no terms (no recipient, no address).")
    @APIResponse(responseCode = "200", description = "A page of orders")
    @APIResponse(responseCode = "400", description = "An invalid filter, page or size (problem+json naming each)")
    public OrderPage list(
            @Parameter(description = "the customer's id", example = "5d2a8e44-91c3-4b6f-8f0e-2a7b3c9d1e55") @QueryParam("customerId") String customerId,
            @Parameter(description = "an order status", example = "NEW") @QueryParam("status") String status,
            @Parameter(description = "the manager who took the phone order", example = "manager-1") @QueryParam("managerId") String managerId,
            @Parameter(description = "PHONE, LACTOMIN or WATTN", example = "PHONE") @QueryParam("channel") String channel,
            @Parameter(description = "placed at or after: date-time with offset, or a date", example = "2026-12-01") @QueryParam("placedFrom") String placedFrom,
            @Parameter(description = "placed before (date-time), or on or before (date)", example = "2026-12-31") @QueryParam("placedTo") String placedTo,
            @Parameter(description = "0-based page", example = "0") @QueryParam("page") String page,
            @Parameter(description = "page size, 1..100, default 20", example = "20") @QueryParam("size") String size) {
        Page<Order> p = search.search(new OrderSearch.Filter(customerId, status, managerId, channel, placedFrom,
                placedTo), integer("page", page), integer("size", size));
        return new OrderPage(p.items().stream().map(OrderSummary::of).toList(), p.page(), p.size(), p.total());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
    @Operation(summary = "An order with its lines", description = "R24: only for whom may act on the order's customer "
            + "(R22: a deputy during the absence); an answer showing the recipient or address is recorded "
            + "(PersonalDataAccessed).")
    @APIResponse(responseCode = "200", description = "The order; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "403", description = "Another manager's customer's order")
    @APIResponse(responseCode = "404", description = "No such order")
    public Response get(@PathParam("id") UUID id) {
        return ok(service.get(id), "GET /orders/{id}");
    }

    @PUT
    @Path("/{id}/terms")
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD })
    @Operation(summary = "Agree the order's terms (R4, R5)", description = "Replaces the payment and delivery "
            + "methods, recipient, address / pickup point / terminal, delivery date and window and packaging notes. "
            + "Send If-Match with the ETag of the order you read. Allowed only before confirmation.")
    @APIResponse(responseCode = "200", description = "Terms recorded; the new ETag is in the answer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field, a delivery date in the past, or a payment/delivery "
            + "pair not allowed (problem with allowedDeliveryMethods and allowedPaymentMethods)")
    @APIResponse(responseCode = "403", description = "Another manager's customer (R22, R24)")
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponse(responseCode = "409", description = "Already confirmed, or changed concurrently")
    @APIResponse(responseCode = "412", description = "If-Match stale (problem with currentVersion)")
    @APIResponse(responseCode = "428", description = "No If-Match: send the ETag of your last GET of the order")
    public Response agreeTerms(@PathParam("id") UUID id,
            @Parameter(description = "The ETag of the order as read", example = "\"3\"", required = true) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull TermsRequest request) {
        Order order = lifecycle.agreeTerms(id, request.toTerms(), staff.id(), requiredVersion(ifMatch));
        return ok(order, "PUT /orders/{id}/terms");
    }

    @POST
    @Path("/{id}/confirm")
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD })
    @Operation(summary = "Confirm the order (R5)", description = "Refused while an agreed field is missing "
            + "(missingFields), the delivery date has passed, or a confirmation rule (e.g. R7's offers) objects. ONLINE "
            + "goes to AWAITING_PAYMENT, cash on delivery to CONFIRMED. Publishes OrderConfirmed.")
    @APIResponse(responseCode = "200", description = "Confirmed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "403", description = "Another manager's customer (R22, R24)")
    @APIResponse(responseCode = "409", description = "Not NEW (problem with currentStatus and allowedNext), or changed concurrently")
    @APIResponse(responseCode = "412", description = "If-Match stale")
    @APIResponse(responseCode = "422", description = "Agreed fields missing (missingFields) or a confirmation rule refuses")
    public Response confirm(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return ok(lifecycle.confirm(id, staff.id(), optionalVersion(ifMatch)), "POST /orders/{id}/confirm");
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD })
    @Operation(summary = "Cancel the order", description = "Allowed before SHIPPED; publishes OrderCancelled.")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "403", description = "Another manager's customer (R22, R24)")
    @APIResponse(responseCode = "409", description = "Shipped or later (problem with currentStatus and allowedNext)")
    public Response cancel(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CancelRequest request) {
        return ok(lifecycle.cancel(id, request.reason(), request.isManagerError(), staff.id(), optionalVersion(ifMatch)),
                "POST /orders/{id}/cancel");
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD, Roles.WAREHOUSE })
    @Operation(summary = "Move the order along its status machine (R5, R6)", description = "For fulfilment progress, "
            + "completion and returns; CONFIRMED, AWAITING_PAYMENT, PAID and CANCELLED have their own endpoints.")
    @APIResponse(responseCode = "200", description = "Moved; recorded in the history",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "403", description = "Another manager's customer (R22, R24); the warehouse moves any order")
    @APIResponse(responseCode = "409", description = "Impossible transition (problem with currentStatus and allowedNext)")
    public Response transition(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull TransitionRequest request) {
        return ok(lifecycle.transition(id, request.to(), request.reason(), staff.id(), optionalVersion(ifMatch)),
                "POST /orders/{id}/transitions");
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
    @Operation(summary = "The order's full change history (R6)", description = "Placement, every status transition, "
            + "terms, lines and payments: who, when, from, to, why, oldest first.")
    @APIResponse(responseCode = "200", description = "The entries, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = HistoryView.class)))
    @APIResponse(responseCode = "403", description = "Another manager's customer (R22, R24)")
    @APIResponse(responseCode = "404", description = "No such order")
    public List<HistoryView> history(@PathParam("id") UUID id) {
        Order order = service.get(id);
        List<HistoryView> entries = orderHistory.of(id).stream().map(e -> new HistoryView(e.id, e.at, e.actor,
                e.kind.name(), e.fromStatus == null ? null : e.fromStatus.name(),
                e.toStatus == null ? null : e.toStatus.name(), e.reason, json(e.details))).toList();
        access.shown(order.customerId, "GET /orders/{id}/history", personalFields(entries));
        return entries;
    }

    @GET
    @Path("/{id}/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
    @Operation(summary = "The order's status as it changes (server-sent events)", description = "Event order-status "
            + "per placement or transition, data {id, orderId, kind, fromStatus, status, changedAt}; the SSE id "
            + "resumes after a reconnect (Last-Event-ID header, or lastEventId); without it the stream starts now. "
            + "Access (R24, R22) is checked once, when the stream opens. A comment every 15 s keeps proxies from "
            + "closing it.")
    @APIResponse(responseCode = "200", description = "text/event-stream, open until the client leaves: events "
            + "order-status whose data is one JSON object",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "a confirmation", value = """
                            id: 42
                            event: order-status
                            data: {"id":42,"orderId":"5d2a8e44-91c3-4b6f-8f0e-2a7b3c9d1e55","kind":"STATUS","fromStatus":"NEW","status":"CONFIRMED","changedAt":"2026-11-27T10:05:00Z"}

                            """)))
    @APIResponse(responseCode = "400", description = "Last-Event-ID not an event id (problem+json)")
    @APIResponse(responseCode = "403", description = "Another manager's customer (R22, R24)")
    @APIResponse(responseCode = "404", description = "No such order")
    public Multi<OutboundSseEvent> stream(@PathParam("id") UUID id,
            @Parameter(description = "the last event id received") @HeaderParam("Last-Event-ID") String lastEventId,
            @Parameter(description = "the same, for clients that cannot set the header") @QueryParam("lastEventId") String lastEventIdQuery,
            @Context Sse sse) {
        service.get(id); // 404, then R24, R22: 403 before the stream opens
        Long after = PollingSse.lastEventId(lastEventId, lastEventIdQuery);
        OrderStatusChanges.Cursor start = after == null ? statusChanges.now() : statusChanges.after(id, after);
        return PollingSse.stream(sse, start, orderConfig.streamPollEvery(), orderConfig.streamHeartbeatEvery(), cursor -> {
            OrderStatusChanges.Batch batch = statusChanges.read(id, cursor, orderConfig.streamMaxPerPoll());
            return new PollingSse.Page<>(batch.changes().stream().map(c -> statusEvent(sse, c)).toList(), batch.next());
        });
    }

    private OutboundSseEvent statusEvent(Sse sse, OrderStatusChanges.Change change) {
        try {
            return sse.newEventBuilder().id(Long.toString(change.id())).name("order-status")
                    .data(mapper.writeValueAsString(change)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** R24: the recipient and address the terms entries of a history show. */
    static List<String> personalFields(List<HistoryView> entries) {
        boolean recipient = false;
        boolean address = false;
        for (HistoryView e : entries) {
            if (e.details() != null && OrderHistoryEntry.Kind.TERMS.name().equals(e.kind())) {
                recipient |= present(e.details(), "recipientName") || present(e.details(), "recipientPhone");
                address |= present(e.details(), "address");
            }
        }
        List<String> fields = new java.util.ArrayList<>(2);
        if (recipient) {
            fields.add(OrderAccess.RECIPIENT);
        }
        if (address) {
            fields.add(OrderAccess.ADDRESS);
        }
        return fields;
    }

    private static boolean present(JsonNode details, String field) {
        JsonNode value = details.get(field);
        return value != null && !value.isNull();
    }

    @POST
    @Path("/{id}/discount")
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD })
    @Operation(summary = "Give the order its discount (R9, R10)", description = "Replaces any earlier discount of the "
            + "order (one discount per order, never summed). Up to parus.order.discount.manager-limit-percent (5) is "
            + "applied at once (200). More creates a PENDING request for the head (202, DiscountApprovalRequested); "
            + "meanwhile the order keeps the manager's limit and cannot be confirmed. Discount in kopecks = items "
            + "total x percent / 100 rounded half-up. If-Match optional.")
    @APIResponse(responseCode = "200", description = "Applied at once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DiscountResource.DiscountView.class)))
    @APIResponse(responseCode = "202", description = "Above the limit: a request waits for the head (pendingRequest); "
            + "Location names the request", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DiscountResource.DiscountView.class)))
    @APIResponse(responseCode = "400", description = "Percent missing, negative, above 100 or with more than 2 places; no reason")
    @APIResponse(responseCode = "403", description = "Another manager's customer (R22, R24)")
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponse(responseCode = "409", description = "The order is confirmed: its discount is fixed")
    @APIResponse(responseCode = "412", description = "If-Match stale")
    public Response give(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull DiscountResource.DiscountBody body) {
        DiscountService.Outcome outcome = discounts.requestDiscount(id, body.percent(), body.reason(), staff.id(),
                optionalVersion(ifMatch));
        Order o = outcome.order();
        DiscountResource.DiscountView view = DiscountResource.view(o, outcome.request(), discountConfig);
        Response.ResponseBuilder answer = outcome.request() == null ? Response.ok(view)
                : Response.accepted(view).location(URI.create("/discount-requests/" + outcome.request().id));
        return answer.tag(new EntityTag(Long.toString(o.version))).build();
    }

    @GET
    @Path("/{id}/discount-requests")
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
    @Operation(summary = "The order's discount requests and decisions (R10)", description = "Oldest first: who asked, "
            + "how much, why; who decided, when, why. inEffect marks the approval the order's discount rests on "
            + "(a change of lines voids it).")
    @APIResponse(responseCode = "200", description = "The requests, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = DiscountResource.RequestView.class)))
    @APIResponse(responseCode = "403", description = "Another manager's customer's order")
    @APIResponse(responseCode = "404", description = "No such order")
    public List<DiscountResource.RequestView> discountRequests(@PathParam("id") UUID id) {
        Order order = service.get(id);
        List<DiscountRequest> all = discounts.requestsOf(id);
        return all.stream().map(r -> DiscountResource.RequestView.of(r, order)).toList();
    }

    private JsonNode json(String details) {
        try {
            return details == null ? null : mapper.readTree(details);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return mapper.getNodeFactory().textNode(details);
        }
    }

    /** The order as answered by {@code endpoint}; its recipient and address, when shown, are recorded (R24). */
    Response ok(Order order, String endpoint) {
        access.shown(order, endpoint);
        return Response.ok(OrderView.of(order)).tag(new EntityTag(Long.toString(order.version))).build();
    }

    /** A whole-number query parameter; anything else is a validation problem naming it. */
    static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(name, "not a whole number: " + value);
        }
    }

    /** Optimistic locking is visible (ARCHITECTURE.md): changes of terms need If-Match (R5), without it a 428. */
    static long requiredVersion(String ifMatch) {
        return IfMatch.required(ifMatch, "the ETag of your last GET of this order");
    }

    static Long optionalVersion(String ifMatch) {
        return IfMatch.version(ifMatch).orElse(null);
    }
}
