package ru.parus.customer.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ru.parus.customer.repository.AccessLogRepository;
import ru.parus.customer.service.AccessLog;
import ru.parus.platform.paging.Page;
import ru.parus.platform.paging.PageRequest;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.security.Roles;

/**
 * R24: the one access log of the whole system: reads of personal data answered by any service (collected from
 * audit-events) and by this one.
 */
@Path("/access-log")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Personal data")
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.ADMIN)
public class SystemAccessLogResource {
    @Inject
    AccessLog accessLog;

    public record SystemAccessPage(long total, int page, int size, List<AccessLogRepository.Entry> items) {
        static SystemAccessPage of(Page<AccessLogRepository.Entry> found) {
            return new SystemAccessPage(found.total(), found.page(), found.size(), found.items());
        }
    }

    @GET
    @Operation(summary = "Reads of personal data in every service, newest first (R24; ADMIN)",
            description = "Filters combine; from is inclusive, to exclusive (ISO-8601 date-time with offset).")
    @APIResponse(responseCode = "200", description = "One page of the system-wide access log")
    @APIResponse(responseCode = "400", description = "A filter or the paging is invalid (problem+json)")
    @APIResponse(responseCode = "403", description = "Only ADMIN (problem+json)")
    public SystemAccessPage log(@QueryParam("customerId") String customerId,
            @QueryParam("staffId") @Size(min = 1, max = 100) String staffId,
            @QueryParam("service") @Size(min = 1, max = 60) String service,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        var filter = new AccessLogRepository.Filter(uuid(customerId), staffId, service, instant("from", from), instant("to", to));
        return SystemAccessPage.of(accessLog.search(filter, new PageRequest(page, size)));
    }

    private static UUID uuid(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("customerId", "a customer id (UUID)");
        }
    }

    private static OffsetDateTime instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalidField(field, "an ISO-8601 date-time with offset, e.g. 2026-12-01T00:00:00Z");
        }
    }
}
