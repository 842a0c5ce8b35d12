package ru.parus.notification.rest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ru.parus.notification.domain.MessageKind;
import ru.parus.notification.service.CampaignService;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.security.CurrentStaff;
import ru.parus.platform.security.Roles;

/** R11: promotion messages decided by management, only to customers who consented. */
@Path("/campaign-messages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Campaigns")
@SecurityRequirement(name = "jwt")
@RolesAllowed({ Roles.HEAD, Roles.DIRECTOR })
public class CampaignResource {
    @Inject
    CampaignService campaigns;
    @Inject
    CurrentStaff staff;

    @Schema(description = "A promotion to send: the template kind PROMOTION with its parameters (title, offer, promoCode, "
            + "validUntil), to the listed customers or, without customerIds, to every customer who consented to a channel")
    public record CampaignRequest(
            @Schema(description = "the campaign's id; a repeat with the same id makes no second message per customer",
                    examples = "winter-protein-2026") String campaignId,
            @Schema(examples = "PROMOTION") MessageKind kind,
            @Schema(examples = "{\"title\":\"Скидка 15% на протеин\",\"offer\":\"До конца декабря — минус 15% на весь сывороточный протеин WATTN.\",\"promoCode\":\"WINTER15\",\"validUntil\":\"31.12.2026\"}")
            Map<String, String> parameters,
            @Schema(description = "at most parus.notification.campaign-max-customers ids; leave out for all consented customers")
            List<UUID> customerIds) {
    }

    @Schema(description = "What became of the campaign's customers")
    public record CampaignView(@Schema(examples = "winter-protein-2026") String campaignId,
            @Schema(examples = "3") int customers, @Schema(examples = "2") int queued,
            @Schema(description = "R11: no consent for any channel: nothing sent", examples = "1") int skippedNoConsent,
            @Schema(examples = "0") int skippedNoAddress, @Schema(examples = "0") int skippedOther,
            @Schema(description = "customers this campaign id already had a message for", examples = "0") int alreadyRequested) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a promotion to consented customers (R11)", description = "One message per (campaign id, "
            + "customer) through the usual pipeline: consent per channel, the preferred channel, quiet hours. Customers "
            + "without consent are skipped and counted.")
    @APIResponse(responseCode = "202", description = "Queued; the counts of queued and skipped customers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "400", description = "campaignId, kind, parameters or customerIds invalid (problem+json with errors[])")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Only the head and the director send promotions")
    public Response launch(CampaignRequest body) {
        if (body == null) {
            throw ProblemException.invalidField("body", "required");
        }
        CampaignService.Outcome o = campaigns.launch(new CampaignService.Campaign(body.campaignId(), body.kind(),
                body.parameters(), body.customerIds()), staff.id());
        return Response.accepted(new CampaignView(o.campaignId(), o.customers(), o.queued(), o.skippedNoConsent(),
                o.skippedNoAddress(), o.skippedOther(), o.alreadyRequested())).build();
    }
}
