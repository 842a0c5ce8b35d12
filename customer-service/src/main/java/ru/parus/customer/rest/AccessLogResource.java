package ru.parus.customer.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ru.parus.customer.repository.AccessLogRepository;
import ru.parus.customer.service.AccessLog;
import ru.parus.customer.service.CustomerService;
import ru.parus.platform.paging.Page;
import ru.parus.platform.paging.PageRequest;
import ru.parus.platform.security.CurrentStaff;
import ru.parus.platform.security.Roles;

/** R24: who read a customer's personal data, when, through which endpoint. */
@Path("/customers/{id}/access-log")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Personal data")
@SecurityRequirement(name = "jwt")
@RolesAllowed({ Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
public class AccessLogResource {
    @Inject
    AccessLog accessLog;
    @Inject
    CustomerService customers;
    @Inject
    CurrentStaff staff;

    public record AccessPage(long total, int page, int size, List<AccessLogRepository.Entry> items) {
        static AccessPage of(Page<AccessLogRepository.Entry> found) {
            return new AccessPage(found.total(), found.page(), found.size(), found.items());
        }
    }

    @GET
    @Operation(summary = "Reads of this customer's personal data, newest first (R24)")
    @APIResponse(responseCode = "200", description = "One page of the access log")
    @APIResponse(responseCode = "403", description = "Only HEAD, DIRECTOR and ADMIN (problem+json)")
    @APIResponse(responseCode = "404", description = "No such customer (problem+json)")
    public AccessPage log(@PathParam("id") UUID id, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        customers.get(id, staff);
        return AccessPage.of(accessLog.of(id, new PageRequest(page, size)));
    }
}
