package ru.parus.notification.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ru.parus.notification.service.channel.SmscStatusCallbacks;

/**
 * Delivery-status callbacks of the providers (R21). Providers send no bearer token: each callback URL carries a
 * shared secret instead, configured on both sides.
 */
@Path("/provider-callbacks")
@Tag(name = "Provider callbacks")
@PermitAll
// OpenAPI: no bearer token (security: []); the secret in the callback URL is checked instead
@SecurityRequirements
public class ProviderCallbackResource {
    @Inject
    SmscStatusCallbacks smsc;

    @POST
    @Path("/smsc")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "SMSC.ru reports a message's status",
            description = "Configure in SMSC's account as the status handler URL, with ?secret=. Final statuses "
                    + "(1, 2, 4 delivered; 3, 20, 22, 23, 24, 25 failed) update the delivery log; others are ignored.")
    @APIResponse(responseCode = "200", description = "Received (also for a status that is not final); SMSC reads "
            + "only the status code", content = @Content(mediaType = MediaType.TEXT_PLAIN,
                    schema = @Schema(type = SchemaType.STRING, examples = "OK")))
    @APIResponse(responseCode = "400", description = "A missing id or status, a status or time of the wrong form (problem+json)")
    @APIResponse(responseCode = "401", description = "No or a wrong secret (problem+json)")
    public Response smsc(
            @Parameter(description = "The shared secret of parus.notification.channels.sms.smsc.callback-secret")
            @QueryParam("secret") String secret,
            @FormParam("id") @Schema(examples = "0f8e4c52-6a1d-4f7e-9b3a-2d5c8e1f4a60",
                    description = "The id sent with the message: our message id") String id,
            @FormParam("phone") @Schema(examples = "79123456789", description = "Not stored nor logged") String phone,
            @FormParam("status") @Schema(examples = "1") String status,
            @FormParam("err") @Schema(examples = "0") String err,
            @FormParam("time") @Schema(examples = "1795766400",
                    description = "Unix seconds or dd.MM.yyyy HH:mm:ss (Moscow)") String time) {
        smsc.authenticate(secret);
        smsc.receive(id, status, err, time);
        return Response.ok("OK", MediaType.TEXT_PLAIN).build();
    }
}
