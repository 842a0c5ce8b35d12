package ru.parus.fulfillment.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.parus.fulfillment.domain.Shipment;
import ru.parus.fulfillment.domain.ShipmentReport;
import ru.parus.fulfillment.event.ShipmentDetails;
import ru.parus.fulfillment.service.ProgressReports;
import ru.parus.fulfillment.service.ShipmentReads;
import ru.parus.fulfillment.service.ShipmentService;
import ru.parus.platform.paging.Page;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.security.CurrentStaff;
import ru.parus.platform.security.Roles;

/**
 * The warehouse ships and reports progress (R12); managers confirm readiness and delivery with the customer (R13). Who
 * reads which shipment, and the log of the recipients and addresses shown, is {@link ShipmentReads} (R22, R24).
 */
@Path("/shipments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shipments")
@SecurityRequirement(name = "jwt")
@RolesAllowed({ Roles.WAREHOUSE, Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
public class ShipmentResource {
    static final String PDF = "application/pdf";
    // R24: the endpoints named in the access log (PersonalDataAccessed)
    static final String GET_ONE = "GET /shipments/{id}";
    static final String GET_SHIPPING_DOCUMENT = "GET /shipments/{id}/shipping-document.pdf";
    static final String POST_REPORT = "POST /shipments/{id}/reports";

    @Inject
    ShipmentReads reads;
    @Inject
    ShipmentService shipments;
    @Inject
    ProgressReports reports;
    @Inject
    CurrentStaff staff;
    @Inject
    ObjectMapper mapper;

    public record ShipmentView(UUID id, UUID orderId, String status, String deliveryMethod, String paymentMethod,
            String carrierCode, String carrierName, String trackingNumber, long declaredValueKopecks,
            long cashOnDeliveryKopecks, Long cashCollectedKopecks, Integer weightGrams, Integer parcels,
            ShipmentDetails.Recipient recipient, ShipmentDetails.Delivery delivery, List<ShipmentDetails.Line> lines,
            OffsetDateTime createdAt, OffsetDateTime statusChangedAt, OffsetDateTime deliveredAt,
            OffsetDateTime cancelledAt, OffsetDateTime returnRequestedAt, String cancellationReason,
            long version) {
        static ShipmentView of(ShipmentReads.Read read) {
            return of(read.shipment(), read.details());
        }

        static ShipmentView of(Shipment s, ShipmentDetails d) {
            return new ShipmentView(s.id, s.orderId, s.status.name(), s.deliveryMethod, s.paymentMethod,
                    s.carrierCode, s.carrierName, s.trackingNumber, s.declaredValueKopecks, s.cashOnDeliveryKopecks,
                    s.cashCollectedKopecks, s.weightGrams, s.parcels, d == null ? null : d.recipient(),
                    d == null ? null : d.delivery(), d == null ? null : d.lines(), s.createdAt, s.statusChangedAt,
                    s.deliveredAt, s.cancelledAt, s.returnRequestedAt, s.cancellationReason, s.version);
        }
    }

    @Schema(description = "A progress report of the warehouse or a carrier; fields by kind: PACKED needs weightGrams "
            + "and parcels (dimensions optional), HANDED_TO_CARRIER a trackingNumber in the carrier's format, "
            + "DELIVERED cashCollectedKopecks for cash on delivery, RETURNED an optional reason")
    public record ReportRequest(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+")
            @Schema(description = "Chosen by the caller, unique per report: a repeat has no second effect",
                    examples = "wh-2026-11-27-000123") String reportId,
            @NotNull @Schema(examples = "PACKED") ShipmentReport.Kind kind,
            @Schema(description = "When it happened; now if absent", examples = "2026-11-27T12:30:00+05:00")
            OffsetDateTime occurredAt,
            @Schema(examples = "2150") Integer weightGrams,
            @Schema(examples = "300") Integer lengthMm,
            @Schema(examples = "200") Integer widthMm,
            @Schema(examples = "150") Integer heightMm,
            @Schema(examples = "1") Integer parcels,
            @Size(max = 40) @Schema(examples = "RA123456785RU") String trackingNumber,
            @Schema(description = "Cash the carrier collected, kopecks", examples = "521550") Long cashCollectedKopecks,
            @Size(max = 500) @Schema(examples = "Получатель отказался") String reason) {
    }

    public record ReportReceipt(String reportId, String kind, String outcome, boolean repeated, ShipmentView shipment) {
    }

    @Schema(description = "A shipment in a list: where it is and how it goes, without the recipient, the address or "
            + "the lines (GET /shipments/{id} has them)")
    public record ShipmentSummary(UUID id, UUID orderId, @Schema(examples = "PACKED") String status,
            @Schema(examples = "COURIER") String deliveryMethod, @Schema(examples = "CASH_TO_COURIER") String paymentMethod,
            @Schema(examples = "PARUS-COURIER") String carrierCode, String carrierName,
            @Schema(examples = "PC-00012345") String trackingNumber, long declaredValueKopecks,
            long cashOnDeliveryKopecks, Integer weightGrams, Integer parcels, OffsetDateTime createdAt,
            OffsetDateTime statusChangedAt, long version) {
        static ShipmentSummary of(Shipment s) {
            return new ShipmentSummary(s.id, s.orderId, s.status.name(), s.deliveryMethod, s.paymentMethod,
                    s.carrierCode, s.carrierName, s.trackingNumber, s.declaredValueKopecks, s.cashOnDeliveryKopecks,
                    s.weightGrams, s.parcels, s.createdAt, s.statusChangedAt, s.version);
        }
    }

    @Schema(description = "One page of shipments, newest first (with orderId: the order's shipment, if any)")
    public record ShipmentPageView(@Schema(examples = "42") long total, @Schema(examples = "0") int page,
            @Schema(examples = "20") int size, List<ShipmentSummary> items) {
        static ShipmentPageView of(Page<ShipmentSummary> page) {
            return new ShipmentPageView(page.total(), page.page(), page.size(), page.items());
        }
    }

    @GET
    @Operation(summary = "The warehouse's list of shipments, or the shipment of an order",
            description = "A page {total, page, size, items} of shipments newest first, narrowed by status, carrier and "
                    + "deliveryMethod; the items carry no recipient, address or lines (GET /shipments/{id} has them, "
                    + "and logs their read, R24). With orderId: the same page holding the order's shipment, if there "
                    + "is one yet (R12: at most one per order; R13: a manager confirms readiness and delivery with "
                    + "the customer); orderId takes no other parameter. R24, R22: the warehouse, the head, the "
                    + "director and the admin see every shipment; a manager those of their own customers, of unowned "
                    + "ones and of a colleague they deputise for; the shipment of another manager's order is a 403.")
    @APIResponse(responseCode = "200", description = "A page of shipments", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShipmentPageView.class)))
    @APIResponse(responseCode = "400", description = "orderId not a UUID or combined with another parameter; status, "
            + "carrier or deliveryMethod unknown (problem with the allowed values); page or size out of range")
    @APIResponse(responseCode = "403", description = "The order's customer belongs to another manager (R22, R24)")
    public ShipmentPageView list(
            @Parameter(description = "the order's id: a page with its shipment, if any",
                    example = "0b9f6c1e-3d7a-4f2b-9a51-6c0d2e8f4a17") @QueryParam("orderId") String orderId,
            @Parameter(description = "only shipments in this status", example = "PACKED") @QueryParam("status") String status,
            @Parameter(description = "only this carrier's (its code)", example = "CDEK") @QueryParam("carrier") String carrier,
            @Parameter(description = "only this delivery method", example = "COURIER")
            @QueryParam("deliveryMethod") String deliveryMethod,
            @Parameter(description = "0-based page", example = "0") @QueryParam("page") String page,
            @Parameter(description = "page size, 1..100 (parus.fulfillment.max-page-size), 20 if absent", example = "20")
            @QueryParam("size") String size) {
        if (orderId != null) {
            if (status != null || carrier != null || deliveryMethod != null || page != null || size != null) {
                throw ProblemException.invalidField("orderId",
                        "answers the order's shipment; not combined with status, carrier, deliveryMethod, page or size");
            }
            List<ShipmentSummary> items = ofOrder(orderId);
            return new ShipmentPageView(items.size(), 0, 1, items);
        }
        return ShipmentPageView.of(reads.list(status, carrier, deliveryMethod, integer("page", page),
                integer("size", size)).map(ShipmentSummary::of));
    }

    /** R12, R24, R22: the order's shipment (at most one) as a list item: no personal data, so nothing is logged. */
    private List<ShipmentSummary> ofOrder(String orderId) {
        UUID id;
        try {
            id = UUID.fromString(orderId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("orderId", "must be a UUID");
        }
        // reads.shipment: 403 when its customer is another manager's, as order-service answers for that order
        return shipments.byOrder(id).map(s -> List.of(ShipmentSummary.of(reads.shipment(s.id)))).orElse(List.of());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A shipment with what the order agreed and how far it has got",
            description = "R24, R22: a manager reads the shipments of their own customers, unowned ones and those of a "
                    + "colleague they deputise for; the recipient and address shown are logged (PersonalDataAccessed).")
    @APIResponse(responseCode = "200", description = "The shipment; ETag carries the version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShipmentView.class)),
            headers = @Header(name = "ETag", description = "the version",
                    schema = @Schema(type = SchemaType.STRING, examples = "\"3\"")))
    @APIResponse(responseCode = "403", description = "The customer belongs to another manager (R22, R24)")
    @APIResponse(responseCode = "404", description = "No such shipment (problem+json)")
    public Response get(@PathParam("id") UUID id) {
        ShipmentReads.Read read = reads.read(id, GET_ONE);
        return Response.ok(ShipmentView.of(read)).tag(new EntityTag(Long.toString(read.shipment().version))).build();
    }

    @POST
    @Path("/{id}/reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.WAREHOUSE)
    @Operation(summary = "Report progress: picked, packed, handed to the carrier, arrived, delivered, returned (R12, R13)",
            description = "Idempotent per reportId: a repeat answers the first outcome (repeated: true). A late report "
                    + "of a step the shipment has passed answers outcome STALE and changes nothing.")
    @APIResponse(responseCode = "200", description = "Received: outcome APPLIED or STALE")
    @APIResponse(responseCode = "400", description = "Invalid or missing fields, e.g. a tracking number of the wrong format")
    @APIResponse(responseCode = "403", description = "Not the warehouse (R24)")
    @APIResponse(responseCode = "404", description = "No such shipment")
    @APIResponse(responseCode = "409", description = "The step cannot follow the current status (member currentStatus)")
    @APIResponse(responseCode = "422", description = "The reportId was used for another shipment or kind of report; or "
            + "R24: HANDED_TO_CARRIER for a shipment whose customer's personal data were erased (no address)")
    public ReportReceipt report(@PathParam("id") UUID id, @Valid @NotNull ReportRequest request) {
        // R24: 404 first; one who is the warehouse and a manager as well reports only on shipments they may read
        reads.shipment(id);
        String body;
        try {
            body = mapper.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ProgressReports.Receipt receipt = reports.report(id, new ProgressReports.Report(request.reportId(),
                request.kind(), request.occurredAt(), request.weightGrams(), request.lengthMm(), request.widthMm(),
                request.heightMm(), request.parcels(), request.trackingNumber(), request.cashCollectedKopecks(),
                request.reason()), staff.id(), body);
        return new ReportReceipt(request.reportId(), request.kind().name(), receipt.outcome().name(),
                receipt.repeated(), ShipmentView.of(reads.read(id, POST_REPORT)));
    }

    @GET
    @Path("/{id}/packing-list.pdf")
    @Produces(PDF)
    @RolesAllowed({ Roles.WAREHOUSE, Roles.HEAD, Roles.MANAGER })
    @Operation(summary = "The packing list for the warehouse (R12), PDF")
    @APIResponse(responseCode = "200", description = "PDF", content = @Content(mediaType = PDF,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "403", description = "The customer belongs to another manager (R22, R24)")
    @APIResponse(responseCode = "404", description = "No such shipment")
    public Response packingList(@PathParam("id") UUID id) {
        return pdf(reads.packingList(id), "packing-list-" + id + ".pdf");
    }

    @GET
    @Path("/{id}/shipping-document.pdf")
    @Produces(PDF)
    @RolesAllowed({ Roles.WAREHOUSE, Roles.HEAD, Roles.MANAGER })
    @Operation(summary = "The shipping document for the carrier (R12), PDF: recipient, address, declared value, "
            + "cash on delivery, parcels")
    @APIResponse(responseCode = "200", description = "PDF; the recipient and address shown are logged (R24)",
            content = @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "403", description = "The customer belongs to another manager (R22, R24)")
    @APIResponse(responseCode = "404", description = "No such shipment")
    @APIResponse(responseCode = "422", description = "R24: the customer's personal data were erased while the shipment "
            + "is still in the warehouse: no recipient or address to ship to (personalDataErasedAt)")
    public Response shippingDocument(@PathParam("id") UUID id) {
        return pdf(reads.shippingDocument(id, GET_SHIPPING_DOCUMENT), "shipping-document-" + id + ".pdf");
    }

    private static Response pdf(byte[] bytes, String name) {
        return Response.ok(bytes, PDF).header("Content-Disposition", "inline; filename=\"" + name + "\"").build();
    }

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
}
