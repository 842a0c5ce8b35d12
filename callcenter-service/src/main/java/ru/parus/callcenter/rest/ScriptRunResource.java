package ru.parus.callcenter.rest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

import ru.parus.callcenter.domain.ScriptRun;
import ru.parus.callcenter.domain.StepAnswer;
import ru.parus.callcenter.service.RecordAccess;
import ru.parus.callcenter.service.ScriptRunService;
import ru.parus.callcenter.service.ScriptRunService.NewRun;
import ru.parus.platform.paging.Page;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.security.CurrentStaff;
import ru.parus.platform.security.Roles;

/** R17: calls that followed a script, with the path, the answers and the quality score. */
@Path("/script-runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Call scripts")
@SecurityRequirement(name = "jwt")
public class ScriptRunResource {
    @Inject
    ScriptRunService service;
    @Inject
    RecordAccess access;
    @Inject
    CurrentStaff staff;

    @Schema(description = "A call that followed a script")
    public record RunRequest(@Schema(required = true, example = "unpaid-order") @NotBlank(message = "required") String scriptCode,
            @Schema(description = "optional: must be the approved version", example = "1") Integer scriptVersion,
            UUID taskId, @Schema(description = "a registered call; stored without a check") UUID callId,
            UUID customerId,
            @Schema(required = true, description = "the steps in the order they were said, with the customer's answer")
            @NotEmpty(message = "at least one answer") List<StepAnswer> answers) {
        NewRun run() {
            return new NewRun(scriptCode, scriptVersion, taskId, callId, customerId, answers);
        }
    }

    @Schema(description = "A recorded script run with its quality")
    public record RunView(UUID id, @Schema(example = "unpaid-order") String scriptCode,
            @Schema(example = "1") int scriptVersion, UUID taskId, UUID callId, UUID customerId,
            @Schema(example = "manager-1") String managerId,
            @Schema(description = "the steps passed, skipped ones included") List<String> path,
            List<StepAnswer> answers, @Schema(example = "3") int mandatoryOnPath,
            @Schema(example = "2") int mandatoryCovered, @Schema(example = "1") int offersMade,
            @Schema(example = "0.6667", description = "mandatoryCovered / mandatoryOnPath") BigDecimal quality,
            OffsetDateTime recordedAt) {
    }

    public record RunPageView(long total, int page, int size, List<RunView> items) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD })
    @Operation(summary = "Record a call that followed a script (R17)", description = "Uses the approved version. Each "
            + "recorded step must be reachable from where the previous answer led (steps between count as skipped), "
            + "and each answer must be one the step allows. Returns the quality score.")
    @APIResponse(responseCode = "201", description = "Recorded, with its quality score",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "400", description = "An answer not allowed, a step not reachable, a field missing")
    @APIResponse(responseCode = "403", description = "The task, the call or the customer named is another manager's the caller does not deputise for (R24, R22)")
    @APIResponse(responseCode = "404", description = "No such script")
    @APIResponse(responseCode = "409", description = "The script has only drafts, or the version named is not approved")
    public Response record(@Valid @NotNull(message = "required") RunRequest r) {
        ScriptRun run = service.record(r.run(), staff.id());
        access.shown("POST /script-runs", List.of(run), x -> x.customerId, service::personalFields); // R24
        return Response.status(Response.Status.CREATED).entity(view(run)).build();
    }

    @GET
    @RolesAllowed({ Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
    @Operation(summary = "Script runs of a manager and period", description = "Newest first; from inclusive, to exclusive")
    @APIResponse(responseCode = "200", description = "A page of runs")
    @APIResponse(responseCode = "400", description = "Bad time, page or size")
    public RunPageView search(@Parameter(example = "manager-1") @QueryParam("managerId") String managerId,
            @Parameter(example = "2026-11-01T00:00:00Z") @QueryParam("from") String from,
            @Parameter(example = "2026-12-01T00:00:00Z") @QueryParam("to") String to,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Page<ScriptRun> p = service.search(blankToNull(managerId), time("from", from), time("to", to),
                CallTaskResource.integer("page", page), CallTaskResource.integer("size", size));
        access.shown("GET /script-runs", p.items(), x -> x.customerId, service::personalFields); // R24
        return new RunPageView(p.total(), p.page(), p.size(), p.items().stream().map(this::view).toList());
    }

    private RunView view(ScriptRun r) {
        return new RunView(r.id, r.scriptCode, r.scriptVersion, r.taskId, r.callId, r.customerId, r.managerId,
                service.path(r), service.answers(r), r.mandatoryOnPath, r.mandatoryCovered, r.offersMade, r.quality,
                r.recordedAt);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static OffsetDateTime time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "an ISO-8601 time with offset, e.g. 2026-11-27T09:00:00Z");
        }
    }
}
