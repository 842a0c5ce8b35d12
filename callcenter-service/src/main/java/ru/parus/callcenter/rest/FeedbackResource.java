package ru.parus.callcenter.rest;

import java.net.URI;
import java.time.OffsetDateTime;
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

import ru.parus.callcenter.domain.Feedback;
import ru.parus.callcenter.service.FeedbackService;
import ru.parus.callcenter.service.RecordAccess;
import ru.parus.platform.paging.Page;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.security.CurrentStaff;
import ru.parus.platform.security.Roles;

/** R20: customers' complaints and wishes, routed by category and tracked until answered. */
@Path("/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Complaints and wishes")
@SecurityRequirement(name = "jwt")
public class FeedbackResource {
    @Inject
    FeedbackService service;
    @Inject
    RecordAccess access;
    @Inject
    CurrentStaff staff;

    @Schema(description = "A complaint or a wish of a customer")
    public record FeedbackRequest(@Schema(required = true) UUID customerId,
            @Schema(required = true, enumeration = { "COMPLAINT", "WISH" }, example = "COMPLAINT") String kind,
            @Schema(required = true, example = "delivery", description = "routes to parus.callcenter.feedback.routes.<category>") String category,
            @Schema(required = true, example = "Курьер опоздал на два часа") String text,
            @Schema(description = "the call it came from") UUID callId, UUID orderId) {
    }

    @Schema(description = "The answer to a complaint or a wish")
    public record AnswerRequest(@Schema(required = true, example = "Курьерская служба оштрафована, клиенту начислены бонусы") String answer,
            @Schema(required = true, description = "was the complaint justified (R23)") Boolean justified) {
    }

    @Schema(description = "A complaint or a wish with its routing and answer")
    public record FeedbackView(UUID id, UUID customerId, @Schema(example = "COMPLAINT") String kind,
            @Schema(example = "delivery") String category, String text, UUID callId, UUID orderId,
            @Schema(example = "logistics-1") String responsible,
            @Schema(example = "OPEN", enumeration = { "OPEN", "ANSWERED" }) String status, OffsetDateTime deadline,
            String createdBy, OffsetDateTime createdAt, String answer, Boolean justified, String answeredBy,
            OffsetDateTime answeredAt, long version) {
        static FeedbackView of(Feedback f) {
            return new FeedbackView(f.id, f.customerId, f.kind, f.category, f.text, f.callId, f.orderId, f.responsible,
                    f.status.name(), f.deadline, f.createdBy, f.createdAt, f.answer, f.justified, f.answeredBy, f.answeredAt,
                    f.version);
        }
    }

    public record FeedbackPageView(long total, int page, int size, List<FeedbackView> items) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD })
    @Operation(summary = "Record a complaint or a wish (R20)", description = "Routed at once to the person responsible "
            + "for the category, with a deadline by kind; publishes FeedbackReceived.")
    @APIResponse(responseCode = "201", description = "Recorded and routed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FeedbackView.class)))
    @APIResponse(responseCode = "400", description = "A field missing or wrong, an unknown customer")
    @APIResponse(responseCode = "403", description = "Neither a manager nor the head, or another manager's customer or "
            + "call the caller does not deputise for (R24, R22)")
    public Response receive(FeedbackRequest r) {
        if (r == null) {
            throw ProblemException.invalidField("customerId", "required");
        }
        Feedback f = service.receive(r.customerId(), r.kind(), r.category(), r.text(), r.callId(), r.orderId(),
                staff.id());
        access.feedbackShown("POST /feedback", List.of(f)); // R24
        return Response.created(URI.create("/feedback/" + f.id)).entity(FeedbackView.of(f)).build();
    }

    @POST
    @Path("/{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
    @Operation(summary = "Answer it (R20)", description = "By the responsible person, their deputy, or the head, the director or the admin, once; "
            + "publishes FeedbackAnswered with justified and onTime.")
    @APIResponse(responseCode = "200", description = "Answered")
    @APIResponse(responseCode = "400", description = "answer or justified missing")
    @APIResponse(responseCode = "403", description = "Neither the responsible person, their deputy, nor the head, the "
            + "director or the admin (R24, R22)")
    @APIResponse(responseCode = "404", description = "No such feedback")
    @APIResponse(responseCode = "409", description = "Already answered")
    public FeedbackView answer(@PathParam("id") UUID id, AnswerRequest r) {
        if (r == null) {
            throw ProblemException.invalidField("answer", "required");
        }
        Feedback f = service.answer(id, r.answer(), r.justified(), staff.id());
        access.feedbackShown("POST /feedback/{id}/answer", List.of(f)); // R24
        return FeedbackView.of(f);
    }

    @GET
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
    @Operation(summary = "Track complaints and wishes (R20)", description = "status OPEN or ANSWERED; responsible=me "
            + "or a staff id (head, director, admin); overdue=true: open past the deadline. Without responsible a "
            + "manager sees what they answer or entered. Ordered by deadline.")
    @APIResponse(responseCode = "200", description = "A page")
    @APIResponse(responseCode = "400", description = "Bad status, overdue, page or size")
    @APIResponse(responseCode = "403", description = "A manager asking for a colleague's they do not deputise for (R24, R22)")
    public FeedbackPageView list(@Parameter(example = "OPEN") @QueryParam("status") String status,
            @Parameter(example = "me") @QueryParam("responsible") String responsible,
            @Parameter(example = "true") @QueryParam("overdue") String overdue,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Page<Feedback> p = service.list(staff.id(), staff.seesAll(), ScriptRunResource.blankToNull(status),
                ScriptRunResource.blankToNull(responsible), ScriptRunResource.blankToNull(overdue),
                CallTaskResource.integer("page", page), CallTaskResource.integer("size", size));
        access.feedbackShown("GET /feedback", p.items()); // R24
        return new FeedbackPageView(p.total(), p.page(), p.size(), p.items().stream().map(FeedbackView::of).toList());
    }
}
