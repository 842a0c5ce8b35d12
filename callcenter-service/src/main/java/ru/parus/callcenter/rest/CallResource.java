package ru.parus.callcenter.rest;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ru.parus.callcenter.domain.PhoneCall;
import ru.parus.callcenter.service.CallService;
import ru.parus.callcenter.service.CallService.NewCall;
import ru.parus.callcenter.service.CallTaskService.Viewer;
import ru.parus.callcenter.service.RecordAccess;
import ru.parus.platform.paging.Page;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.security.CurrentStaff;
import ru.parus.platform.security.Roles;

@Path("/calls")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calls")
@SecurityRequirement(name = "jwt")
@RolesAllowed({ Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
public class CallResource {
    @Inject
    CallService service;
    @Inject
    RecordAccess access;
    @Inject
    CurrentStaff staff;

    @Schema(description = "R18: a registered call")
    public record CallView(UUID id, @Schema(example = "pbx-77231", description = "the PBX's id; null if entered by hand") String pbxCallId,
            @Schema(example = "INBOUND", enumeration = { "INBOUND", "OUTBOUND" }) String direction,
            @Schema(example = "+79123456789") String phone, UUID customerId, @Schema(example = "manager-1") String managerId,
            @Schema(example = "COMPLETED", enumeration = { "RINGING", "ANSWERED", "MISSED", "COMPLETED" }) String status,
            OffsetDateTime startedAt, OffsetDateTime answeredAt, OffsetDateTime endedAt,
            @Schema(example = "245") Long durationSeconds,
            @Schema(example = "ORDER", enumeration = { "ORDER", "REFERENCE", "COMPLAINT", "OTHER" }) String purpose,
            @Schema(example = "REACHED_AGREED") String outcome, UUID orderId, UUID taskId, String notes,
            @Schema(example = "MANUAL", enumeration = { "MANUAL", "TELEPHONY" }) String source, String registeredBy,
            OffsetDateTime createdAt,
            @Schema(description = "R23 (issue 17): a call made for a task started inside the task's suggested window, "
                    + "as it was when the call began; null when not made for a task or the task had no window") Boolean inSuggestedWindow) {
        static CallView of(PhoneCall c) {
            return new CallView(c.id, c.pbxCallId, c.direction, c.phone, c.customerId, c.managerId, c.status.name(),
                    c.startedAt, c.answeredAt, c.endedAt, c.durationSeconds, c.purpose, c.outcome, c.orderId, c.taskId,
                    c.notes, c.source, c.registeredBy, c.createdAt, c.inSuggestedWindow);
        }
    }

    @Schema(description = "R18: a call to register; the manager is the caller (token sub)")
    public record CallRequest(
            @Schema(required = true, example = "OUTBOUND", enumeration = { "INBOUND", "OUTBOUND" }) String direction,
            @Schema(required = true, example = "8 (912) 345-67-89", description = "any common form; stored as E.164") String phone,
            @Schema(description = "optional: otherwise matched by phone from the customer projection") UUID customerId,
            @Schema(required = true, example = "2026-11-27T10:00:00+03:00") OffsetDateTime startedAt,
            @Schema(required = true, example = "2026-11-27T10:04:05+03:00") OffsetDateTime endedAt,
            @Schema(required = true, example = "ORDER", enumeration = { "ORDER", "REFERENCE", "COMPLAINT", "OTHER" }) String purpose,
            @Schema(required = true, example = "REACHED_AGREED", description = "one of parus.callcenter.outcomes") String outcome,
            UUID orderId,
            @Schema(description = "the task this call was made for: it is completed with the outcome") UUID taskId,
            @Schema(example = "Заказал протеин, доставка завтра") String notes) {
    }

    @Schema(description = "One page of calls")
    public record CallPageView(long total, int page, int size, List<CallView> items) {
    }

    @Schema(description = "R19: why the case goes to the head")
    public record EscalateRequest(@Schema(required = true, example = "Клиент требует возврат вне правил") String reason) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD })
    @Operation(summary = "Register a call (R18, R6)", description = "Phone normalised to E.164; the customer matched "
            + "by phone unless given; the duration from start and end; a linked task is completed with the outcome. "
            + "Publishes CallRegistered.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CallView.class)))
    @APIResponse(responseCode = "400", description = "Missing or bad fields, bad phone (problem+json with errors[] and allowedOutcomes)")
    @APIResponse(responseCode = "403", description = "The linked task, or the customer given, is another manager's the caller does not deputise for (R24, R22)")
    @APIResponse(responseCode = "404", description = "The linked task does not exist")
    @APIResponse(responseCode = "409", description = "The linked task is not open")
    public Response register(CallRequest r) {
        if (r == null) {
            throw ProblemException.invalidField("direction", "required");
        }
        PhoneCall c = service.register(new NewCall(r.direction(), r.phone(), r.customerId(), r.startedAt(), r.endedAt(),
                r.purpose(), r.outcome(), r.orderId(), r.taskId(), r.notes()), viewer());
        access.callsShown("POST /calls", List.of(c)); // R24
        return Response.status(Response.Status.CREATED).entity(CallView.of(c)).build();
    }

    @GET
    @Operation(summary = "Calls, newest first", description = "A manager sees their own calls; the head, the "
            + "director and the admin anyone's. from/to bound the start time [from, to).")
    @APIResponse(responseCode = "200", description = "A page of calls")
    @APIResponse(responseCode = "400", description = "Bad filter, page or size (problem+json)")
    @APIResponse(responseCode = "403", description = "A manager asked for another manager's calls the caller does not deputise for (R24, R22)")
    public CallPageView list(@Parameter(example = "manager-1", description = "a staff id or me") @QueryParam("managerId") String managerId,
            @Parameter(example = "2026-11-01T00:00:00Z") @QueryParam("from") String from,
            @Parameter(example = "2026-12-01T00:00:00Z") @QueryParam("to") String to,
            @QueryParam("customerId") String customerId,
            @Parameter(example = "0") @QueryParam("page") String page,
            @Parameter(example = "20") @QueryParam("size") String size) {
        Page<PhoneCall> p = service.list(viewer(), managerId, uuid("customerId", customerId), time("from", from), time("to", to),
                CallTaskResource.integer("page", page), CallTaskResource.integer("size", size));
        access.callsShown("GET /calls", p.items()); // R24
        return new CallPageView(p.total(), p.page(), p.size(), p.items().stream().map(CallView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A call")
    @APIResponse(responseCode = "200", description = "The call")
    @APIResponse(responseCode = "403", description = "Another manager's call the caller does not deputise for (R24, R22)")
    @APIResponse(responseCode = "404", description = "No such call")
    public CallView get(@PathParam("id") UUID id) {
        PhoneCall call = service.get(id, viewer());
        access.callsShown("GET /calls/{id}", List.of(call)); // R24
        return CallView.of(call);
    }

    @POST
    @Path("/{id}/escalate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD })
    @Operation(summary = "Escalate the call's case to the head (R19)", description = "By the call's manager, their deputy or the head: an "
            + "ESCALATION task for the manager's head (staff table, else parus.callcenter.default-head-id). "
            + "Publishes CallEscalated.")
    @APIResponse(responseCode = "201", description = "Escalated: the open escalation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EscalationResource.EscalationView.class)))
    @APIResponse(responseCode = "400", description = "No reason (problem+json)")
    @APIResponse(responseCode = "403", description = "Another manager's call the caller does not deputise for (R24, R22)")
    @APIResponse(responseCode = "404", description = "No such call")
    @APIResponse(responseCode = "409", description = "Already escalated and not resolved (escalationId)")
    @APIResponse(responseCode = "422", description = "No head known to escalate to")
    public Response escalate(@PathParam("id") UUID id, EscalateRequest r) {
        var e = service.escalate(id, r == null ? null : r.reason(), viewer());
        return Response.status(Response.Status.CREATED).entity(EscalationResource.EscalationView.of(e)).build();
    }

    private Viewer viewer() {
        return new Viewer(staff.id(), staff.seesAll());
    }

    static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(name, "not a UUID: " + value);
        }
    }

    static OffsetDateTime time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "not an ISO-8601 time with offset: " + value);
        }
    }
}
