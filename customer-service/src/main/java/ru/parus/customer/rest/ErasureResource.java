package ru.parus.customer.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ru.parus.customer.event.CustomerErased;
import ru.parus.customer.service.ErasureService;
import ru.parus.platform.security.CurrentStaff;
import ru.parus.platform.security.Roles;

/** R24: erasure of a customer's personal data on their request. */
@Path("/customers/{id}/erasure")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Personal data")
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.ADMIN)
public class ErasureResource {
    @Inject
    ErasureService erasures;
    @Inject
    CurrentStaff staff;

    public record ErasureRequest(
            @NotBlank @Size(max = 100) @Schema(description = "the number of the customer's written request",
                    examples = "ПД-2026-118") String requestReference) {
    }

    @POST
    @Operation(summary = "Erase the customer's personal data on their request (ADMIN, R24)",
            description = "Name becomes \"Удалено\"; phones, e-mails, messenger handles, preferences, tags, notes and the "
                    + "personal data in timeline entries are removed; every consent is withdrawn; ids, type, owner and "
                    + "order activity with its money figures stay. Records merged into the customer are erased too. "
                    + "Publishes CustomerErased, so that the other services anonymise their projections.")
    @APIResponse(responseCode = "200", description = "Erased: the CustomerErased payload",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerErased.class),
                    examples = @ExampleObject(name = "erased",
                    value = """
                            {"customerId":"5d2a8e44-91c3-4b6f-8f0e-2a7b3c9d1e55","erasedAt":"2026-11-27T12:00:00Z",
                            "erasedBy":"admin-1","requestReference":"ПД-2026-118"}""")))
    @APIResponse(responseCode = "400", description = "requestReference missing (problem+json)")
    @APIResponse(responseCode = "403", description = "Not an ADMIN (problem+json)")
    @APIResponse(responseCode = "404", description = "No such customer (problem+json)")
    @APIResponse(responseCode = "409", description = "Erased already (problem+json with erasedAt)")
    public CustomerErased erase(@PathParam("id") UUID id, @Valid @NotNull ErasureRequest request) {
        return erasures.erase(id, request.requestReference().strip(), staff);
    }
}
