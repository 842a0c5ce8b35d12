package ru.parus.callcenter.rest;

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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ru.parus.callcenter.domain.Escalation;
import ru.parus.callcenter.service.EscalationService;
import ru.parus.platform.paging.Page;
import ru.parus.platform.security.CurrentStaff;
import ru.parus.platform.security.Roles;

@Path("/escalations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Escalations")
@SecurityRequirement(name = "jwt")
@RolesAllowed({ Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
public class EscalationResource {
    @Inject
    EscalationService service;
    @Inject
    CurrentStaff staff;

    @Schema(description = "R19: a case transferred to the head")
    public record EscalationView(UUID id, UUID callId, UUID customerId, @Schema(example = "manager-1") String managerId,
            @Schema(example = "head-1") String headId, @Schema(example = "Клиент требует возврат вне правил") String reason,
            @Schema(example = "OPEN", enumeration = { "OPEN", "RESOLVED" }) String status, UUID taskId,
            String resolution, String resolvedBy, OffsetDateTime resolvedAt, OffsetDateTime createdAt) {
        static EscalationView of(Escalation e) {
            return new EscalationView(e.id, e.callId, e.customerId, e.managerId, e.headId, e.reason, e.status.name(), e.taskId,
                    e.resolution, e.resolvedBy, e.resolvedAt, e.createdAt);
        }
    }

    @Schema(description = "One page of escalations")
    public record EscalationPageView(long total, int page, int size, List<EscalationView> items) {
    }

    @Schema(description = "R19: the head's resolution")
    public record ResolveRequest(@Schema(required = true, example = "Возврат одобрен, оформить через склад")
            @NotBlank(message = "required") @Size(max = 4000, message = "at most 4000 characters") String resolution) {
    }

    @GET
    @Operation(summary = "Escalations, newest first (R19)")
    @APIResponse(responseCode = "200", description = "A page of escalations")
    @APIResponse(responseCode = "400", description = "Bad status, page or size (problem+json)")
    public EscalationPageView list(@Parameter(example = "OPEN") @QueryParam("status") String status,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Page<Escalation> p = service.list(status, CallTaskResource.integer("page", page), CallTaskResource.integer("size", size));
        return new EscalationPageView(p.total(), p.page(), p.size(), p.items().stream().map(EscalationView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An escalation")
    @APIResponse(responseCode = "200", description = "The escalation")
    @APIResponse(responseCode = "404", description = "No such escalation")
    public EscalationView get(@PathParam("id") UUID id) {
        return EscalationView.of(service.get(id));
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.HEAD })
    @Operation(summary = "Record the resolution (R19)", description = "By the head; the ESCALATION task is done. "
            + "Publishes EscalationResolved.")
    @APIResponse(responseCode = "200", description = "Resolved")
    @APIResponse(responseCode = "400", description = "No resolution (problem+json)")
    @APIResponse(responseCode = "403", description = "Not HEAD")
    @APIResponse(responseCode = "404", description = "No such escalation")
    @APIResponse(responseCode = "409", description = "Already resolved")
    public EscalationView resolve(@PathParam("id") UUID id, @Valid @NotNull(message = "required") ResolveRequest r) {
        return EscalationView.of(service.resolve(id, r.resolution(), staff.id()));
    }
}
