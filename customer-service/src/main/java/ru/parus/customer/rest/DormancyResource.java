package ru.parus.customer.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import ru.parus.customer.service.DormancyScanner;
import ru.parus.platform.security.Roles;

/** Operations on the dormancy rule (R14). */
@Path("/ops/dormancy-scan")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.ADMIN)
public class DormancyResource {
    @Inject
    DormancyScanner scanner;

    public record ScanResult(int count, List<JsonNode> fired) {
    }

    @POST
    @Operation(summary = "Run the dormancy scan now (R14)",
            description = "Marks every customer without orders for parus.customer.dormant-after as dormant and publishes "
                    + "their CustomerDormant; answers with the payloads published. The scheduled scan runs every "
                    + "parus.customer.dormancy-scan-every anyway; a scan running on another replica at the same moment "
                    + "makes this one fire nothing.")
    @APIResponse(responseCode = "200", description = "What this scan fired (CustomerDormant.v1 payloads)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "one customer",
                    value = """
                            {"count":1,"fired":[{"customerId":"5d2a8e44-91c3-4b6f-8f0e-2a7b3c9d1e55","episode":1,
                            "dormantSince":"2027-05-27T09:30:05Z","inactiveSince":"2026-11-27T09:30:00.000000Z",
                            "lastOrderAt":"2026-11-27T09:30:00.000000Z","orderCount":3,"lifetimeValueKopecks":1647000,
                            "currency":"RUB","customerType":"ATHLETE","ownerManagerId":"manager-1","dormantAfter":"P6M"}]}""")))
    @APIResponse(responseCode = "401", description = "No or invalid token (problem+json)")
    @APIResponse(responseCode = "403", description = "Not an ADMIN (problem+json)")
    public ScanResult scan() {
        List<JsonNode> fired = scanner.scan();
        return new ScanResult(fired.size(), fired);
    }
}
