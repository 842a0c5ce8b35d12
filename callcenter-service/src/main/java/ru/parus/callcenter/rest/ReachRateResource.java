package ru.parus.callcenter.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ru.parus.callcenter.service.BestHours;
import ru.parus.callcenter.service.BestHours.ReachRates;
import ru.parus.callcenter.service.RecordAccess;
import ru.parus.platform.security.Roles;

/** Issue 17 (R18, R21): the reach rates by weekday and hour the suggested windows of call tasks are chosen from. */
@Path("/reach-rates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calls")
@SecurityRequirement(name = "jwt")
@RolesAllowed({ Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
public class ReachRateResource {
    @Inject
    BestHours bestHours;
    @Inject
    RecordAccess access;

    @GET
    @Operation(summary = "Reach rates by weekday and hour", description = "Outbound calls registered (R18) and how many "
            + "reached the customer, per ISO weekday (1 = Monday) and hour of the customer's local time, counting only "
            + "hours outside the customer's quiet hours (R21): the customer's own (with customerId) and every "
            + "customer's. timeZone and quietHours are those the customer's calls are read in (ownTimeZone and "
            + "ownQuietHours false: the department's defaults). A rate is used for a suggested window once it rests "
            + "on minCalls calls.")
    @APIResponse(responseCode = "200", description = "The counts; weekday-hours without calls are left out")
    @APIResponse(responseCode = "400", description = "customerId not a UUID (problem+json)")
    @APIResponse(responseCode = "403", description = "A customer the manager may not act on (R24, R22)")
    public ReachRates rates(@Parameter(description = "the customer; without it only every customer's counts")
            @QueryParam("customerId") String customerId) {
        var customer = CallResource.uuid("customerId", customerId);
        access.checkCustomer(customer); // R24, R22
        return bestHours.rates(customer);
    }
}
