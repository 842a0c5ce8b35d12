package ru.parus.callcenter.rest;

import java.time.OffsetDateTime;
import java.util.List;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ru.parus.callcenter.domain.ScriptStep;
import ru.parus.callcenter.service.ScriptService;
import ru.parus.callcenter.service.ScriptService.Script;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.security.CurrentStaff;
import ru.parus.platform.security.Roles;

/** R17: versioned branching call scripts; the head writes and approves, everyone reads the approved version. */
@Path("/scripts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Call scripts")
@SecurityRequirement(name = "jwt")
public class ScriptResource {
    @Inject
    ScriptService service;
    @Inject
    CurrentStaff staff;

    @Schema(description = "A new version of a script: its steps form a graph from startStep to an end")
    public record DraftRequest(@Schema(required = true, example = "Реактивация «заснувшего» клиента") String title,
            @Schema(required = true, example = "greeting") String startStep,
            @Schema(required = true, description = "each step: id, prompt, mandatory, offer, answers [{value, next}] "
                    + "or freeAnswer with next; next null ends the script") List<ScriptStep> steps) {
    }

    @Schema(description = "A version of a call script")
    public record ScriptView(@Schema(example = "dormant-customer") String code, @Schema(example = "2") int version,
            @Schema(example = "APPROVED", enumeration = { "DRAFT", "APPROVED", "RETIRED" }) String status,
            String title, @Schema(example = "greeting") String startStep, List<ScriptStep> steps,
            @Schema(example = "head-1") String createdBy, OffsetDateTime createdAt, String approvedBy,
            OffsetDateTime approvedAt, OffsetDateTime retiredAt) {
        static ScriptView of(Script s) {
            var v = s.version();
            return new ScriptView(v.code, v.version, v.status.name(), v.title, v.startStep, s.steps(), v.createdBy,
                    v.createdAt, v.approvedBy, v.approvedAt, v.retiredAt);
        }
    }

    @POST
    @Path("/{code}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.HEAD)
    @Operation(summary = "Write a new DRAFT version of a script (R17)", description = "Numbered after the last version. "
            + "The graph is checked: the start step exists, every next step exists, no step is unreachable, an end "
            + "is reachable from every step; a problem names the bad step in `step`.")
    @APIResponse(responseCode = "201", description = "The draft",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ScriptView.class)))
    @APIResponse(responseCode = "400", description = "Malformed script (problem+json with step and errors)")
    @APIResponse(responseCode = "403", description = "Not the head")
    public Response draft(@Parameter(example = "dormant-customer") @PathParam("code") String code, DraftRequest request) {
        if (request == null) {
            throw ProblemException.invalidField("steps", "required");
        }
        Script s = service.createDraft(code, request.title(), request.startStep(), request.steps(), staff.id());
        return Response.status(Response.Status.CREATED).entity(ScriptView.of(s)).build();
    }

    @POST
    @Path("/{code}/versions/{version}/approve")
    @RolesAllowed(Roles.HEAD)
    @Operation(summary = "Approve a DRAFT (R17)", description = "The approved version before it becomes RETIRED; "
            + "only the approved version is used by calls and campaigns.")
    @APIResponse(responseCode = "200", description = "The approved version")
    @APIResponse(responseCode = "404", description = "No such version")
    @APIResponse(responseCode = "409", description = "Not a DRAFT (problem with currentStatus)")
    public ScriptView approve(@PathParam("code") String code, @PathParam("version") String version) {
        return ScriptView.of(service.approve(code, positive("version", version), staff.id()));
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
    @Operation(summary = "The approved version of a script (R17)")
    @APIResponse(responseCode = "200", description = "The version in use")
    @APIResponse(responseCode = "404", description = "No approved version")
    public ScriptView approved(@Parameter(example = "unpaid-order") @PathParam("code") String code) {
        return ScriptView.of(service.approved(code));
    }

    @GET
    @Path("/{code}/versions")
    @RolesAllowed({ Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
    @Operation(summary = "Every version of a script, drafts and retired ones included")
    @APIResponse(responseCode = "200", description = "Versions in order")
    @APIResponse(responseCode = "404", description = "No such script")
    public List<ScriptView> versions(@PathParam("code") String code) {
        return service.versions(code).stream().map(ScriptView::of).toList();
    }

    static int positive(String name, String value) {
        Integer n = CallTaskResource.integer(name, value);
        if (n == null || n < 1) {
            throw ProblemException.invalidField(name, "a whole number from 1");
        }
        return n;
    }
}
