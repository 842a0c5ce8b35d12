package ru.parus.customer.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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

    @Schema(description = "What one scan fired")
    public record ScanResult(@Schema(description = "how many customers turned dormant", examples = "1") int count,
            @Schema(type = SchemaType.ARRAY, implementation = DormantPayload.class,
                    description = "the CustomerDormant.v1 payloads published, as written to the outbox") List<JsonNode> fired) {
    }

    /**
     * The shape of {@code fired}'s items, for the OpenAPI document only: the scan answers the payloads exactly as the
     * outbox holds them (docs/events/CustomerDormant.v1.schema.json).
     */
    @Schema(name = "CustomerDormantPayload", description = "A CustomerDormant.v1 payload (R14)")
    public record DormantPayload(
            @Schema(required = true, examples = "5d2a8e44-91c3-4b6f-8f0e-2a7b3c9d1e55") UUID customerId,
            @Schema(required = true, description = "1 for the first dormancy, 2 after a reactivation and a new one",
                    minimum = "1") int episode,
            @Schema(required = true, description = "when the scan found the customer dormant") OffsetDateTime dormantSince,
            @Schema(required = true, description = "the last order (or reactivation, or registration) the period is "
                    + "counted from") OffsetDateTime inactiveSince,
            @Schema(nullable = true, description = "null for a customer who never ordered") OffsetDateTime lastOrderAt,
            @Schema(required = true, minimum = "0") int orderCount,
            @Schema(required = true, minimum = "0", examples = "1647000") long lifetimeValueKopecks,
            @Schema(required = true, enumeration = "RUB") String currency,
            @Schema(nullable = true, examples = "ATHLETE") String customerType,
            @Schema(nullable = true, description = "the manager who should call, or null if nobody owns the customer",
                    examples = "manager-1") String ownerManagerId,
            @Schema(required = true, description = "the configured period, ISO-8601", examples = "P6M") String dormantAfter) {
    }

    @POST
    @Operation(summary = "Run the dormancy scan now (R14)",
            description = "Marks every customer without orders for parus.customer.dormant-after as dormant and publishes "
                    + "their CustomerDormant; answers with the payloads published. The scheduled scan runs every "
                    + "parus.customer.dormancy-scan-every anyway; a scan running on another replica at the same moment "
                    + "makes this one fire nothing.")
    @APIResponse(responseCode = "200", description = "What this scan fired (CustomerDormant.v1 payloads)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScanResult.class),
                    examples = @ExampleObject(name = "one customer",
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
