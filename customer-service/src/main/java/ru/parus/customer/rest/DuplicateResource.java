package ru.parus.customer.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

import ru.parus.customer.repository.DuplicateRepository;
import ru.parus.platform.paging.Page;
import ru.parus.platform.paging.PageRequest;
import ru.parus.platform.security.Roles;

/** The head's work list of customers that share a phone or an e-mail (to merge). */
@Path("/customers/suspected-duplicates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
@SecurityRequirement(name = "jwt")
@RolesAllowed({ Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
public class DuplicateResource {
    @Inject
    DuplicateRepository duplicates;

    public record DuplicatePage(long total, int page, int size, List<DuplicateRepository.Pair> items) {
        static DuplicatePage of(Page<DuplicateRepository.Pair> found) {
            return new DuplicatePage(found.total(), found.page(), found.size(), found.items());
        }
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Pairs of customers suspected to be one person, newest first")
    @APIResponse(responseCode = "200", description = "One page; customerId was registered later than existingId")
    @APIResponse(responseCode = "400", description = "Bad page or size (problem+json)")
    @APIResponse(responseCode = "403", description = "Only HEAD, DIRECTOR, ADMIN (problem+json)")
    public DuplicatePage list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return DuplicatePage.of(duplicates.page(new PageRequest(page, size)));
    }
}
