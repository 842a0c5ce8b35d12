package ru.parus.callcenter.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import ru.parus.callcenter.domain.Absence;
import ru.parus.callcenter.domain.Staff;
import ru.parus.callcenter.service.StaffService;
import ru.parus.platform.paging.Page;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.security.CurrentStaff;
import ru.parus.platform.security.Roles;

@Path("/staff")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Staff and absences")
@SecurityRequirement(name = "jwt")
@RolesAllowed({ Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN, Roles.WAREHOUSE })
public class StaffResource {
    @Inject
    StaffService service;
    @Inject
    CurrentStaff current;

    @Schema(description = "A member of the department; the id is the JWT sub")
    public record StaffView(@Schema(example = "manager-1") String id, @Schema(example = "Анна Петрова") String name,
            @Schema(example = "MANAGER", enumeration = { "MANAGER", "HEAD", "DIRECTOR" }) String role,
            @Schema(example = "head-1") String headId, @Schema(example = "101") String extension, boolean active,
            OffsetDateTime updatedAt, long version) {
        static StaffView of(Staff s) {
            return new StaffView(s.staffId, s.name, s.role, s.headId, s.extension, s.active, s.updatedAt, s.version);
        }
    }

    @Schema(description = "A staff member as written by PUT")
    public record StaffRequest(@Schema(required = true, example = "Анна Петрова") String name,
            @Schema(required = true, example = "MANAGER", enumeration = { "MANAGER", "HEAD", "DIRECTOR" }) String role,
            @Schema(example = "head-1", description = "a HEAD or DIRECTOR on the staff") String headId,
            @Schema(example = "101", description = "PBX extension, unique") String extension,
            @Schema(example = "true", defaultValue = "true") Boolean active) {
    }

    @Schema(description = "One page of staff")
    public record StaffPageView(long total, int page, int size, List<StaffView> items) {
    }

    @Schema(description = "R22: an absence with its deputy")
    public record AbsenceView(UUID id, @Schema(example = "manager-1") String managerId,
            @Schema(example = "manager-2") String deputyId,
            @Schema(example = "LEAVE", enumeration = { "LEAVE", "SICKNESS", "TRIP", "OTHER" }) String reason,
            OffsetDateTime startsAt, OffsetDateTime endsAt,
            @Schema(example = "PLANNED", enumeration = { "PLANNED", "ACTIVE", "ENDED", "CANCELLED" }) String status,
            OffsetDateTime startedAt, OffsetDateTime endedAt, String createdBy, String endedBy) {
        static AbsenceView of(Absence a) {
            return new AbsenceView(a.id, a.managerId, a.deputyId, a.reason, a.startsAt, a.endsAt, a.status.name(),
                    a.startedAt, a.endedAt, a.createdBy, a.endedBy);
        }
    }

    @Schema(description = "R22: an absence to record")
    public record AbsenceRequest(
            @Schema(required = true, example = "LEAVE", enumeration = { "LEAVE", "SICKNESS", "TRIP", "OTHER" }) String reason,
            @Schema(required = true, example = "2026-12-01T06:00:00Z") OffsetDateTime startsAt,
            @Schema(required = true, example = "2026-12-15T06:00:00Z") OffsetDateTime endsAt,
            @Schema(required = true, example = "manager-2", description = "an active staff member other than the manager") String deputyId) {
    }

    @GET
    @Operation(summary = "The staff", description = "Everyone reads; filter by role and active.")
    @APIResponse(responseCode = "200", description = "A page of staff, by id")
    @APIResponse(responseCode = "400", description = "Bad role, active, page or size (problem+json)")
    public StaffPageView list(@Parameter(example = "MANAGER") @QueryParam("role") String role,
            @Parameter(example = "true") @QueryParam("active") String active,
            @Parameter(example = "0") @QueryParam("page") String page,
            @Parameter(example = "50") @QueryParam("size") String size) {
        Page<Staff> p = service.list(role, active, CallTaskResource.integer("page", page), CallTaskResource.integer("size", size));
        return new StaffPageView(p.total(), p.page(), p.size(), p.items().stream().map(StaffView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A staff member")
    @APIResponse(responseCode = "200", description = "The staff member; ETag carries the version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StaffView.class)),
            headers = @Header(name = "ETag", description = "the version, for If-Match",
                    schema = @Schema(type = SchemaType.STRING, example = "\"3\"")))
    @APIResponse(responseCode = "404", description = "No such staff member (problem+json)")
    public Response get(@PathParam("id") String id) {
        Staff s = service.get(id);
        return Response.ok(StaffView.of(s)).tag(new EntityTag(Long.toString(s.version))).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
    @Operation(summary = "Create or change a staff member (R22)", description = "The id is the person's JWT sub.")
    @APIResponse(responseCode = "200", description = "Stored; ETag carries the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StaffView.class)),
            headers = @Header(name = "ETag", description = "the version, for If-Match",
                    schema = @Schema(type = SchemaType.STRING, example = "\"3\"")))
    @APIResponse(responseCode = "400", description = "Missing name, unknown role, head not a HEAD/DIRECTOR (problem+json)")
    @APIResponse(responseCode = "403", description = "Not HEAD, DIRECTOR or ADMIN")
    @APIResponse(responseCode = "409", description = "The extension belongs to someone else")
    @APIResponse(responseCode = "412", description = "If-Match stale (problem with currentVersion)")
    public Response put(@PathParam("id") String id,
            @Parameter(description = "The ETag of the staff member as read", example = "\"0\"") @jakarta.ws.rs.HeaderParam("If-Match") String ifMatch,
            StaffRequest r) {
        if (r == null) {
            throw ProblemException.invalidField("name", "required");
        }
        Staff s = service.put(id, r.name(), r.role(), r.headId(), r.extension(), r.active(), current.id(),
                CallTaskResource.version(ifMatch));
        return Response.ok(StaffView.of(s)).tag(new EntityTag(Long.toString(s.version))).build();
    }

    @GET
    @Path("/{id}/absences")
    @Operation(summary = "A staff member's absences, latest first")
    @APIResponse(responseCode = "200", description = "The absences")
    @APIResponse(responseCode = "404", description = "No such staff member")
    public List<AbsenceView> absences(@PathParam("id") String id) {
        return service.absencesOf(id).stream().map(AbsenceView::of).toList();
    }

    @POST
    @Path("/{id}/absences")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.HEAD, Roles.ADMIN })
    @Operation(summary = "Record an absence with a deputy (R22)", description = "From startsAt the deputy takes the "
            + "manager's open and new tasks (ManagerAbsenceStarted); at endsAt the still-open ones return "
            + "(ManagerAbsenceEnded). A start in the past begins at once.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AbsenceView.class)))
    @APIResponse(responseCode = "400", description = "Bad reason, period or deputy (problem+json with errors[])")
    @APIResponse(responseCode = "403", description = "Not HEAD or ADMIN")
    @APIResponse(responseCode = "404", description = "No such staff member")
    @APIResponse(responseCode = "409", description = "Overlaps another planned or active absence (overlappingAbsenceId)")
    public Response addAbsence(@PathParam("id") String id, AbsenceRequest r) {
        if (r == null) {
            throw ProblemException.invalidField("reason", "required");
        }
        Absence a = service.addAbsence(id, r.reason(), r.startsAt(), r.endsAt(), r.deputyId(), current.id());
        return Response.status(Response.Status.CREATED).entity(AbsenceView.of(a)).build();
    }

    @DELETE
    @Path("/{id}/absences/{absenceId}")
    @RolesAllowed({ Roles.HEAD, Roles.ADMIN })
    @Operation(summary = "Cancel a planned absence or end an active one now (R22)")
    @APIResponse(responseCode = "200", description = "CANCELLED, or ENDED with the tasks returned")
    @APIResponse(responseCode = "404", description = "No such absence of this staff member")
    @APIResponse(responseCode = "409", description = "Already ended or cancelled (currentStatus)")
    public AbsenceView endAbsence(@PathParam("id") String id, @PathParam("absenceId") UUID absenceId) {
        return AbsenceView.of(service.endAbsence(id, absenceId, current.id()));
    }
}
