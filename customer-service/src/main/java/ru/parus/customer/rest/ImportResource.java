package ru.parus.customer.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import ru.parus.customer.config.CustomerConfig;
import ru.parus.customer.service.CustomerImport;
import ru.parus.platform.problem.Problem;
import ru.parus.platform.security.CurrentStaff;
import ru.parus.platform.security.Roles;

/** Bulk import of a storefront export (R6, R24): all rows or none. */
@Path("/customers/import")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
@SecurityRequirement(name = "jwt")
@RolesAllowed({ Roles.HEAD, Roles.ADMIN })
public class ImportResource {
    /** Not among platform's ProblemType values (no 413 there); the same shape and URN scheme. */
    static final String TOO_LARGE = "urn:parus:problem:payload-too-large";

    @Inject
    CustomerImport imports;
    @Inject
    CustomerConfig config;
    @Inject
    CurrentStaff staff;

    static class TooLarge extends RuntimeException {
        final long limit;

        TooLarge(long limit) {
            super("The CSV is larger than " + limit + " bytes; split it");
            this.limit = limit;
        }
    }

    @POST
    @Consumes("text/csv")
    @Operation(summary = "Import customers from a storefront export (HEAD, ADMIN)",
            description = "CSV with a header row naming the columns name, phone, email, type, storefront, registeredAt "
                    + "(name and phone or email required; others optional, unknown columns ignored); ';' or ',' "
                    + "separators; UTF-8 with or without BOM. A row whose phone or e-mail a customer has adds the "
                    + "missing contacts to that customer (merged, CustomerContactsChanged); any other valid row is "
                    + "registered (accepted, CustomerRegistered). Invalid rows are rejected with the line and the "
                    + "reason, the others go on. One transaction: a failure while writing imports nothing (422). "
                    + "dryRun=true reports the same without writing.")
    @RequestBody(content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "storefront export", value = """
            name;phone;email;type;storefront;registeredAt
            Анна Смирнова;8 (912) 345-67-89;anna@example.org;ATHLETE;LACTOMIN;2024-03-01T10:00:00Z
            Пётр Иванов;+7 916 123-45-67;;FITNESS;WATTN;2025-01-15""")))
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CustomerImport.Report.class), examples = @ExampleObject(name = "report", value = """
                    {"dryRun":false,"accepted":1,"merged":1,"rejected":[{"line":4,"reason":"phone: not a valid phone number"}]}""")))
    @APIResponse(responseCode = "400", description = "No header row, not UTF-8, not CSV (problem+json)")
    @APIResponse(responseCode = "403", description = "Not HEAD or ADMIN (problem+json)")
    @APIResponse(responseCode = "413", description = "Larger than parus.customer.import-max-bytes (problem+json)")
    @APIResponse(responseCode = "415", description = "Not text/csv (problem+json)")
    @APIResponse(responseCode = "422", description = "A row failed while writing; nothing was imported (problem+json with line)")
    public CustomerImport.Report importCsv(InputStream body,
            @Parameter(description = "report without writing") @QueryParam("dryRun") @DefaultValue("false") boolean dryRun)
            throws IOException {
        long limit = config.importMaxBytes();
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (bytes.length > limit) {
            throw new TooLarge(limit);
        }
        return imports.run(bytes, dryRun, staff);
    }

    @ServerExceptionMapper
    public Response tooLarge(TooLarge e, UriInfo uri) {
        return problem(new Problem(TOO_LARGE, "Payload too large", 413, e.getMessage(), "/" + uri.getPath().replaceFirst("^/", ""),
                null, Map.of("maxBytes", e.limit)));
    }

    @ServerExceptionMapper
    public Response writeFailed(CustomerImport.WriteFailed e, UriInfo uri) {
        return problem(new Problem("urn:parus:problem:unprocessable", "The request cannot be carried out", 422,
                "Line " + e.line + " could not be written; nothing was imported", "/" + uri.getPath().replaceFirst("^/", ""),
                null, Map.of("line", e.line)));
    }

    private static Response problem(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }
}
