package ru.parus.notification.rest;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ru.parus.notification.domain.MessageKind;
import ru.parus.notification.domain.OrderProjection;
import ru.parus.notification.service.MessageTexts;
import ru.parus.notification.service.TemplateRenderer;
import ru.parus.notification.service.channel.ChannelKind;
import ru.parus.notification.service.channel.SmsSegments;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.security.Roles;

/** R21: message templates (Russian, per kind and channel, versioned) rendered for a preview. */
@Path("/templates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Templates")
@SecurityRequirement(name = "jwt")
@RolesAllowed({ Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
public class TemplateResource {
    @Inject
    TemplateRenderer templates;

    @Schema(description = "What to render; without parameters the kind's sample data is used")
    public record PreviewRequest(@Schema(examples = "ORDER_READY") MessageKind kind,
            @Schema(examples = "EMAIL") ChannelKind channel, Map<String, String> parameters) {
    }

    public record PreviewView(@Schema(examples = "Ваш заказ № 0B9F6C1E готов") String subject, String body,
            @Schema(examples = "ORDER_READY/EMAIL@3a9c0e51b2d4") String templateVersion,
            @Schema(description = "SMS only: what the text costs as SMS") SmsView sms) {
    }

    @Schema(description = "An SMS text's length, encoding and number of SMS (160/153 per part in GSM-7, 70/67 in UCS-2)")
    public record SmsView(@Schema(description = "characters of the text", examples = "83") int length,
            @Schema(description = "septets (GSM-7) or UTF-16 units (UCS-2)", examples = "83") int units,
            @Schema(examples = "UCS_2") String encoding, @Schema(examples = "2") int segments) {
    }

    static PreviewView view(ChannelKind channel, TemplateRenderer.Rendered r) {
        SmsView sms = null;
        if (channel == ChannelKind.SMS) {
            SmsSegments s = SmsSegments.of(r.body());
            sms = new SmsView(r.body().length(), s.units(), s.encoding().name(), s.segments());
        }
        return new PreviewView(r.subject(), r.body(), r.templateVersion(), sms);
    }

    @GET
    @Path("/{kind}/{channel}/preview")
    @Operation(summary = "Render a template with its sample parameters (R21); for SMS with length, encoding and segments")
    @APIResponse(responseCode = "200", description = "The rendered subject (e-mail only), body, template version and, "
            + "for SMS, length, encoding (GSM_7 or UCS_2) and number of SMS")
    @APIResponse(responseCode = "400", description = "Unknown kind or channel (problem+json, errors[] names it)")
    public PreviewView sample(@PathParam("kind") String kind, @PathParam("channel") String channel) {
        MessageKind k = parse(MessageKind.class, kind, "kind");
        ChannelKind c = parse(ChannelKind.class, channel, "channel");
        return view(c, templates.render(k, c, sample(k)));
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.invalidField(field, "one of " + java.util.Arrays.toString(type.getEnumConstants()))
                    .with("allowed", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        }
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Render a template with parameters or sample data (R21)")
    @APIResponse(responseCode = "200", description = "The rendered subject (e-mail only), body, template version and, for SMS, length, encoding and segments")
    @APIResponse(responseCode = "400", description = "kind or channel missing, or a parameter the template needs is missing")
    public PreviewView preview(PreviewRequest request) {
        if (request == null || request.kind() == null) {
            throw ProblemException.invalidField("kind", "required: one of " + Arrays.toString(MessageKind.values()));
        }
        if (request.channel() == null) {
            throw ProblemException.invalidField("channel", "required");
        }
        Map<String, String> params = request.parameters() == null || request.parameters().isEmpty()
                ? sample(request.kind()) : request.parameters();
        return view(request.channel(), templates.render(request.kind(), request.channel(), params));
    }

    static Map<String, String> sample(MessageKind kind) {
        UUID orderId = UUID.fromString("0b9f6c1e-3d7a-4f2b-9a51-6c0d2e8f4a17");
        return switch (kind) {
            case ORDER_READY -> {
                OrderProjection o = new OrderProjection();
                o.orderId = orderId;
                o.paymentMethod = "AT_PICKUP_POINT";
                o.deliveryMethod = "PICKUP_POINT";
                o.payableKopecks = 521550L;
                Map<String, String> shipment = new LinkedHashMap<>();
                shipment.put("deliveryMethod", "PICKUP_POINT");
                shipment.put("pickupPointId", "CDEK-EKB-117");
                shipment.put("trackingNumber", "1234567890");
                shipment.put("cashOnDeliveryKopecks", "521550");
                yield MessageTexts.orderReady(shipment, o);
            }
            case PAYMENT_REMINDER -> MessageTexts.paymentReminder(orderId, 521550, "https://pay.example/p/0b9f6c1e");
            case REPLENISHMENT_REMINDER -> MessageTexts.replenishmentReminder("Whey Protein 900 g, chocolate",
                    "WHEY-900-CHOC", LocalDate.of(2026, 12, 2));
            case BONUS_POINTS_EXPIRING -> MessageTexts.bonusPointsExpiring(5468, LocalDate.of(2026, 12, 11), 9120);
            case PROMOTION -> MessageTexts.promotionSample();
            case FREE_TEXT -> Map.of("subject", "Прайс-лист", "text", "Здравствуйте! Прайс-лист на декабрь во вложении.");
        };
    }
}
