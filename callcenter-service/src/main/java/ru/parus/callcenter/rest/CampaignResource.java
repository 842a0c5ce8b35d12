package ru.parus.callcenter.rest;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

import ru.parus.callcenter.service.CampaignService;
import ru.parus.callcenter.service.CampaignService.Launch;
import ru.parus.callcenter.service.CampaignService.Launched;
import ru.parus.callcenter.service.CampaignService.ManagerLine;
import ru.parus.callcenter.service.CampaignService.Report;
import ru.parus.callcenter.service.CampaignService.Selector;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.security.CurrentStaff;
import ru.parus.platform.security.Roles;

/** R16: calls assigned by the head or the director, and the report of their results. */
@Path("/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Campaigns")
@SecurityRequirement(name = "jwt")
public class CampaignResource {
    @Inject
    CampaignService service;
    @Inject
    CurrentStaff staff;

    @Schema(description = "Customers selected from the projection; every given criterion must hold")
    public record SelectorRequest(@Schema(example = "ATHLETE") String customerType,
            @Schema(example = "true") Boolean dormant,
            @Schema(example = "2026-06-01T00:00:00Z", description = "the latest order is before this") OffsetDateTime lastOrderBefore,
            @Schema(example = "LACTOMIN", enumeration = { "LACTOMIN", "WATTN", "PHONE" },
                    description = "the storefront of the latest order") String storefront) {
    }

    @Schema(description = "A campaign: give customerIds or a selector, not both")
    public record CampaignRequest(@Schema(required = true, example = "Возврат «заснувших» атлетов") String name,
            @Schema(required = true, example = "Предложить новинки и скидку 5%") String purpose,
            @Schema(required = true, example = "dormant-customer") String scriptCode,
            @Schema(required = true, example = "2026-12-15T18:00:00+03:00") OffsetDateTime deadline,
            @Schema(required = true, example = "[\"manager-1\", \"manager-2\"]") List<String> assignees,
            List<UUID> customerIds, SelectorRequest selector) {
    }

    @Schema(description = "A launched campaign")
    public record CampaignView(UUID id, String name, String purpose, String scriptCode, int scriptVersion,
            OffsetDateTime deadline, List<String> assignees, @Schema(example = "12") int customerCount,
            @Schema(description = "customers per assignee") Map<String, Integer> perAssignee, String createdBy,
            OffsetDateTime createdAt) {
    }

    @Schema(description = "R16: the results of a campaign")
    public record ReportView(UUID campaignId, String name, String purpose, String scriptCode, OffsetDateTime deadline,
            String createdBy, @Schema(example = "12") int customers, @Schema(example = "7") int done,
            @Schema(example = "5") int open, @Schema(example = "0") int closed,
            @Schema(example = "6", description = "done by the deadline") int doneOnTime,
            @Schema(example = "0", description = "open past the deadline") int overdue,
            @Schema(description = "outcome code -> count, of the done calls") Map<String, Integer> outcomes,
            List<ManagerLine> managers) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.HEAD, Roles.DIRECTOR })
    @Operation(summary = "Launch a campaign (R16)", description = "The customer list is frozen now. A customer whose "
            + "owner manager is an assignee goes to the owner; the others round-robin over the assignees in the order "
            + "given. One ASSIGNED call task per customer, with the campaign's (approved) script, due at the deadline. "
            + "Publishes CampaignLaunched and a CallTaskCreated per task.")
    @APIResponse(responseCode = "201", description = "Launched: the campaign, its customer count and tasks per assignee",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "400", description = "A field missing or wrong, unknown customers (unknownCustomerIds), no approved script")
    @APIResponse(responseCode = "403", description = "Neither the head nor the director")
    @APIResponse(responseCode = "422", description = "The selector matches no customer")
    public Response launch(CampaignRequest r) {
        if (r == null) {
            throw ProblemException.invalidField("name", "required");
        }
        SelectorRequest s = r.selector();
        Launched l = service.launch(new Launch(r.name(), r.purpose(), r.scriptCode(), r.deadline(), r.assignees(),
                r.customerIds(), s == null ? null
                        : new Selector(blank(s.customerType()), s.dormant(), s.lastOrderBefore(), blank(s.storefront()))),
                staff.id());
        var c = l.campaign();
        return Response.created(URI.create("/campaigns/" + c.id))
                .entity(new CampaignView(c.id, c.name, c.purpose, c.scriptCode, c.scriptVersion, c.deadline,
                        l.assignees(), l.customerCount(), l.perAssignee(), c.createdBy, c.createdAt))
                .build();
    }

    @GET
    @Path("/{id}/report")
    @RolesAllowed({ Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
    @Operation(summary = "The campaign's report (R16)", description = "For whoever launched it, the director and the admin. "
            + "Per manager (the assignee at launch): assigned, done, open, done on time, done late, overdue.")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "403", description = "Not the one who launched it")
    @APIResponse(responseCode = "404", description = "No such campaign")
    public ReportView report(@PathParam("id") UUID id) {
        Report r = service.report(id, staff.id(), staff.hasRole(Roles.DIRECTOR) || staff.hasRole(Roles.ADMIN));
        var c = r.campaign();
        return new ReportView(c.id, c.name, c.purpose, c.scriptCode, c.deadline, c.createdBy, r.customers(), r.done(),
                r.open(), r.closed(), r.doneOnTime(), r.overdue(), r.outcomes(), r.managers());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
