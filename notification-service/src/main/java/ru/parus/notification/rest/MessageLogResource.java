package ru.parus.notification.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ru.parus.notification.domain.MessageLog;
import ru.parus.notification.domain.MessageStatusChange;
import ru.parus.notification.domain.Storefront;
import ru.parus.notification.service.CatalogueAttachments;
import ru.parus.notification.service.MessageLogService;
import ru.parus.platform.paging.Page;
import ru.parus.platform.security.CurrentStaff;
import ru.parus.platform.security.Roles;

/** The delivery log of messages to customers, and managers' messages (R21). Staff tokens only (R24). */
@Path("/messages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Messages")
@SecurityRequirement(name = "jwt")
@RolesAllowed({ Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
public class MessageLogResource {
    @Inject
    MessageLogService service;
    @Inject
    CurrentStaff staff;

    @Schema(description = "A message in the log, without its text or address")
    public record MessageView(@Schema(examples = "3f0c2b9e-5d41-4a7e-9c1f-2b8d7e6a5c40") UUID id, UUID customerId,
            @Schema(examples = "ORDER_READY") String kind, @Schema(examples = "EMAIL") String channel,
            @Schema(examples = "SENT") String status, @Schema(examples = "NO_CONSENT") String reason,
            String causeEventId, UUID orderId, int attempts, OffsetDateTime notBefore, OffsetDateTime sentAt,
            OffsetDateTime createdAt, long version) {
        static MessageView of(MessageLog m) {
            return new MessageView(m.id, m.customerId, m.kind, m.channel, m.status.name(), m.reason, m.causeEventId, m.orderId,
                    m.attempts, m.notBefore, m.sentAt, m.createdAt, m.version);
        }
    }

    @Schema(description = "One step of a message's history")
    public record StatusView(@Schema(examples = "SENDING") String status, int attempt, String detail, OffsetDateTime at) {
        static StatusView of(MessageStatusChange c) {
            return new StatusView(c.status, c.attempt, c.detail, c.at);
        }
    }

    @Schema(description = "A message with its text, address and status history")
    public record MessageDetail(UUID id, UUID customerId, String kind, String channel, String status, String reason,
            String causeEventId, UUID orderId, String address, String subject, String body, String templateVersion,
            int attempts, String lastError, String providerMessageId, OffsetDateTime notBefore, OffsetDateTime sentAt,
            OffsetDateTime deliveredAt, String requestedBy, OffsetDateTime createdAt, long version,
            List<StatusView> history) {
    }

    public record MessagePage(@Schema(examples = "42") long total, @Schema(examples = "0") int page,
            @Schema(examples = "20") int size, List<MessageView> items) {
    }

    @Schema(description = "An attachment, base64-encoded; all of a message's attachments together are size-capped")
    public record AttachmentDto(@Schema(examples = "price-list.pdf") String fileName,
            @Schema(examples = "application/pdf") String contentType,
            @Schema(examples = "JVBERi0xLjQK") String contentBase64) {
    }

    @Schema(description = "A document from the catalogue to attach (R21), made when the message is requested and stored "
            + "with it. PRODUCT_CERTIFICATE: the product's certificate number certificateIndex (0 = the first, as "
            + "order-service's catalogue lists them), fetched from its URL; an expired one is refused. PRICE_LIST: a PDF "
            + "of the active variants per category with prices in roubles, dated today, for the storefront given or all.",
            examples = "{\"kind\":\"PRODUCT_CERTIFICATE\",\"productId\":\"0b6f1d2e-3c4a-4e5f-8a9b-1c2d3e4f5a6b\",\"certificateIndex\":0}")
    public record CatalogueAttachmentDto(
            @Schema(required = true, examples = "PRICE_LIST") CatalogueAttachments.Kind kind,
            @Schema(description = "PRODUCT_CERTIFICATE: the catalogue's product id",
                    examples = "0b6f1d2e-3c4a-4e5f-8a9b-1c2d3e4f5a6b") UUID productId,
            @Schema(description = "PRODUCT_CERTIFICATE: which of the product's certificates, from 0", defaultValue = "0",
                    examples = "0") Integer certificateIndex,
            @Schema(description = "PRICE_LIST: only this storefront's products; leave out for all", examples = "LACTOMIN")
            Storefront storefront) {
    }

    @Schema(description = "A manager's message: a template kind with parameters, or free text (kind FREE_TEXT)",
            examples = "{\"customerId\":\"5d2a8e44-91c3-4b6f-8f0e-2a7b3c9d1e55\",\"subject\":\"Прайс-лист и сертификат\","
                    + "\"text\":\"Здравствуйте! Прайс-лист и декларация о соответствии на протеин во вложении.\","
                    + "\"channel\":\"EMAIL\",\"catalogueAttachments\":[{\"kind\":\"PRICE_LIST\",\"storefront\":\"LACTOMIN\"},"
                    + "{\"kind\":\"PRODUCT_CERTIFICATE\",\"productId\":\"0b6f1d2e-3c4a-4e5f-8a9b-1c2d3e4f5a6b\",\"certificateIndex\":0}]}")
    public record SendRequest(@Schema(examples = "5d2a8e44-91c3-4b6f-8f0e-2a7b3c9d1e55") UUID customerId,
            @Schema(examples = "FREE_TEXT", defaultValue = "FREE_TEXT") ru.parus.notification.domain.MessageKind kind,
            @Schema(description = "template parameters, e.g. orderNumber, amount, paymentLink for PAYMENT_REMINDER")
            Map<String, String> parameters,
            @Schema(examples = "Прайс-лист на декабрь во вложении.") String text,
            @Schema(examples = "Прайс-лист") String subject,
            @Schema(description = "a channel the customer consented to; by default the preferred one", examples = "EMAIL")
            ru.parus.notification.service.channel.ChannelKind channel,
            @Schema(description = "files uploaded as base64") List<AttachmentDto> attachments,
            @Schema(description = "documents from the catalogue: a product's certificate, the price list")
            List<CatalogueAttachmentDto> catalogueAttachments) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD })
    @Operation(summary = "Send a message to a customer (R21)", description = "Goes through consent, channel choice and "
            + "quiet hours like any message; 202 with the logged message (QUEUED, or SKIPPED with a reason such as "
            + "NO_CONSENT). An Idempotency-Key makes a repeat return the same message. Attachments are uploaded "
            + "(attachments, base64) or taken from the catalogue (catalogueAttachments): these are fetched or made now, "
            + "so a failure is answered here and nothing is queued. E-mail and Telegram carry attachments; SMSC refuses "
            + "a message with attachments (FAILED, PROVIDER_REJECTED). R24, R22: a manager sends to customers they own, "
            + "unowned ones and those of a colleague they deputise for; the head to anyone.")
    @APIResponse(responseCode = "202", description = "Accepted; the message as logged (QUEUED, or SKIPPED with a reason)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MessageView.class)),
            headers = @Header(name = "ETag", description = "the version",
                    schema = @Schema(type = SchemaType.STRING, examples = "\"0\"")))
    @APIResponse(responseCode = "400", description = "Invalid fields (problem+json with errors[])")
    @APIResponse(responseCode = "403", description = "Not a manager or the head, or (R24) another manager's customer "
            + "the caller does not deputise for (problem+json, type urn:parus:problem:forbidden)")
    @APIResponse(responseCode = "404", description = "catalogueAttachments names a product the catalogue does not have "
            + "(problem+json, errors[] names the field)")
    @APIResponse(responseCode = "422", description = "A certificate index out of range, an expired certificate, a document "
            + "larger than the cap, or a price list with no active items (problem+json, errors[] names the field)")
    @APIResponse(responseCode = "502", description = "A certificate's host did not answer, answered with an error or broke "
            + "off (problem+json, type urn:parus:problem:bad-gateway); nothing was queued")
    public Response send(SendRequest body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (body == null) {
            throw ru.parus.platform.problem.ProblemException.invalidField("body", "required");
        }
        List<MessageLogService.AttachmentInput> attachments = body.attachments() == null ? null
                : body.attachments().stream().map(a -> a == null ? null
                        : new MessageLogService.AttachmentInput(a.fileName(), a.contentType(), a.contentBase64())).toList();
        List<CatalogueAttachments.Request> fromCatalogue = body.catalogueAttachments() == null ? null
                : body.catalogueAttachments().stream().map(a -> a == null ? null
                        : new CatalogueAttachments.Request(a.kind(), a.productId(), a.certificateIndex(), a.storefront()))
                        .toList();
        MessageLog m = service.send(new MessageLogService.ManualMessage(body.customerId(), body.kind(), body.parameters(),
                body.text(), body.subject(), body.channel(), attachments, fromCatalogue), staff.id(), idempotencyKey);
        return Response.accepted(MessageView.of(m)).tag(new EntityTag(Long.toString(m.version))).build();
    }

    @GET
    @Operation(summary = "A customer's messages, newest first (R21)")
    @APIResponse(responseCode = "200", description = "A page of messages with the total")
    @APIResponse(responseCode = "400", description = "customerId missing or malformed, page or size out of range")
    @APIResponse(responseCode = "403", description = "R24, R22: a customer the manager may not act on (problem+json)")
    public MessagePage list(@QueryParam("customerId") @NotNull UUID customerId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        Page<MessageView> p = service.ofCustomer(customerId, page, size).map(MessageView::of);
        return new MessagePage(p.total(), p.page(), p.size(), p.items());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A message sent to a customer, with its delivery status and history")
    @APIResponse(responseCode = "200", description = "The message; ETag carries the version. R24: the read of its "
            + "address and text is recorded (PersonalDataAccessed on audit-events)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MessageDetail.class)),
            headers = @Header(name = "ETag", description = "the version",
                    schema = @Schema(type = SchemaType.STRING, examples = "\"0\"")))
    @APIResponse(responseCode = "403", description = "R24, R22: a customer the manager may not act on (problem+json, "
            + "type urn:parus:problem:forbidden)")
    @APIResponse(responseCode = "404", description = "No such message (problem+json)")
    public Response get(@PathParam("id") UUID id) {
        MessageLog m = service.get(id);
        MessageDetail detail = new MessageDetail(m.id, m.customerId, m.kind, m.channel, m.status.name(), m.reason,
                m.causeEventId, m.orderId, m.address, m.subject, m.body, m.templateVersion, m.attempts, m.lastError,
                m.providerMessageId, m.notBefore, m.sentAt, m.deliveredAt, m.requestedBy, m.createdAt, m.version,
                service.history(id).stream().map(StatusView::of).toList());
        service.shown(m, "GET /messages/{id}"); // R24: address and text are the customer's personal data
        return Response.ok(detail).tag(new EntityTag(Long.toString(m.version))).build();
    }
}
