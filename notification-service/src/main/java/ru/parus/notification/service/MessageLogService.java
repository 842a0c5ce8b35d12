package ru.parus.notification.service;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.notification.config.NotificationConfig;
import ru.parus.notification.domain.MessageKind;
import ru.parus.notification.domain.MessageLog;
import ru.parus.notification.domain.MessageStatusChange;
import ru.parus.notification.repository.MessageLogRepository;
import ru.parus.notification.service.channel.Attachment;
import ru.parus.notification.service.channel.ChannelKind;
import ru.parus.platform.access.CustomerAccess;
import ru.parus.platform.access.PersonalDataAudit;
import ru.parus.platform.paging.Page;
import ru.parus.platform.problem.Problem;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;

/** The delivery log (R21) and managers' messages through the same pipeline as event-caused ones. */
@ApplicationScoped
@Transactional
public class MessageLogService {
    @Inject
    MessageLogRepository messages;
    @Inject
    NotificationService notifications;
    @Inject
    NotificationConfig config;
    @Inject
    TemplateRenderer templates;
    @Inject
    CustomerAccess access;
    @Inject
    PersonalDataAudit audit;
    @Inject
    CatalogueAttachments catalogueAttachments;

    /** An attachment as the API takes it: base64 content. */
    public record AttachmentInput(String fileName, String contentType, String contentBase64) {
    }

    /** A manager's message (R21): a template kind with parameters, or free text; files uploaded or from the catalogue. */
    public record ManualMessage(UUID customerId, MessageKind kind, Map<String, String> parameters, String text,
            String subject, ChannelKind channel, List<AttachmentInput> attachments,
            List<CatalogueAttachments.Request> catalogueAttachments) {
    }

    /**
     * A logged message by id (R21), if the caller may act on its customer (R24, R22: platform's CustomerAccess; an
     * unknown message is 404 first).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MessageLog get(UUID id) {
        MessageLog m = messages.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Message", id));
        access.checkCustomer(m.customerId); // R24, R22
        return m;
    }

    /**
     * R24: the answer shows this message's address and text: recorded as PersonalDataAccessed. The address is the
     * customer's e-mail, phone (SMS, WhatsApp) or messenger contact by channel; the text is correspondence with the
     * customer (notes), and an order-ready text carries the delivery address. Nothing is recorded for an erased
     * message (no address, no text).
     */
    public void shown(MessageLog m, String endpoint) {
        List<String> fields = new ArrayList<>();
        if (m.address != null) {
            fields.add(switch (m.channel == null ? "" : m.channel) {
                case "EMAIL" -> "email";
                case "SMS", "WHATSAPP" -> "phone";
                default -> "contacts";
            });
        }
        if (m.body != null || m.subject != null) {
            fields.add("notes");
            if (MessageKind.ORDER_READY.name().equals(m.kind)) {
                fields.add("address");
            }
        }
        if (!fields.isEmpty()) {
            audit.read(m.customerId, endpoint, fields);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MessageStatusChange> history(UUID id) {
        return messages.history(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<MessageLog> ofCustomer(UUID customerId, int page, int size) {
        access.checkCustomer(customerId); // R24, R22
        return new Page<>(messages.countOfCustomer(customerId), page, size, messages.ofCustomer(customerId, page, size));
    }

    /**
     * R21: a manager's message goes through consent, channel choice and quiet hours like any other; R24, R22: only to
     * a customer the caller may act on (platform's CustomerAccess: own, unowned or deputised customers for a manager). Runs outside a transaction: catalogue attachments are fetched or
     * made first (a failure is the manager's answer and nothing is queued), then the message is queued in one.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public MessageLog send(ManualMessage req, String staffId, String idempotencyKey) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (req.customerId() == null) {
            errors.add(new Problem.FieldError("customerId", "required"));
        }
        MessageKind kind = req.kind() == null ? MessageKind.FREE_TEXT : req.kind();
        Map<String, String> params = new java.util.LinkedHashMap<>(req.parameters() == null ? Map.of() : req.parameters());
        if (kind == MessageKind.FREE_TEXT) {
            if (req.text() == null || req.text().isBlank()) {
                errors.add(new Problem.FieldError("text", "required for free text (or give a template kind)"));
            } else if (req.text().length() > config.maxTextLength()) {
                errors.add(new Problem.FieldError("text", "at most " + config.maxTextLength() + " characters"));
            }
            if (req.subject() != null && req.subject().length() > 200) {
                errors.add(new Problem.FieldError("subject", "at most 200 characters"));
            }
            params.put("text", req.text() == null ? "" : req.text());
            params.put("subject", req.subject() == null || req.subject().isBlank() ? "Сообщение от магазина" : req.subject());
        } else if (kind == MessageKind.PROMOTION) {
            errors.add(new Problem.FieldError("kind", "promotions are sent by campaign (POST /campaign-messages, R11)"));
        } else if (req.text() != null) {
            errors.add(new Problem.FieldError("text", "free text goes with kind FREE_TEXT only"));
        }
        params.forEach((k, v) -> {
            if (v != null && v.length() > config.maxTextLength()) {
                errors.add(new Problem.FieldError("parameters." + k, "at most " + config.maxTextLength() + " characters"));
            }
        });
        List<Attachment> attachments = attachments(req.attachments(), errors);
        catalogueAttachments.validate(req.catalogueAttachments(), errors);
        int count = (req.attachments() == null ? 0 : req.attachments().size())
                + (req.catalogueAttachments() == null ? 0 : req.catalogueAttachments().size());
        if (count > config.maxAttachments()) {
            errors.add(new Problem.FieldError("attachments", "at most " + config.maxAttachments() + " with catalogueAttachments"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, errors.size() + " field(s) invalid", errors);
        }
        // a template's missing parameter is the request's fault, whatever channel is chosen later
        templates.render(kind, ChannelKind.EMAIL, params);
        access.checkCustomer(req.customerId()); // R24, R22: after validation, before any document is fetched
        String cause = "MANUAL:" + (idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID()
                : staffId + ":" + idempotencyKey);
        MessageLog repeated = messages.byCause(cause);
        if (repeated != null) {
            return repeated; // a repeat with the same Idempotency-Key: nothing fetched again
        }
        List<Attachment> fromCatalogue = catalogueAttachments.resolve(req.catalogueAttachments());
        long total = fromCatalogue.stream().mapToLong(a -> a.content().length).sum()
                + attachments.stream().mapToLong(a -> a.content().length).sum();
        if (total > config.maxAttachmentBytes()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "the attachments come to " + total
                    + " bytes, more than a message carries", List.of(new Problem.FieldError("catalogueAttachments",
                            "at most " + config.maxAttachmentBytes() + " bytes with the uploaded attachments")))
                    .with("maxBytes", config.maxAttachmentBytes());
        }
        attachments = new ArrayList<>(attachments);
        attachments.addAll(fromCatalogue);
        return notifications.request(new NotificationService.NewMessage(kind, cause, null, req.customerId(), null,
                req.channel(), staffId, params, attachments)).message();
    }

    private List<Attachment> attachments(List<AttachmentInput> inputs, List<Problem.FieldError> errors) {
        List<Attachment> out = new ArrayList<>();
        if (inputs == null) {
            return out;
        }
        if (inputs.size() > config.maxAttachments()) {
            errors.add(new Problem.FieldError("attachments", "at most " + config.maxAttachments()));
            return out;
        }
        long total = 0;
        for (int i = 0; i < inputs.size(); i++) {
            AttachmentInput a = inputs.get(i);
            String at = "attachments[" + i + "]";
            if (a == null) {
                errors.add(new Problem.FieldError(at, "required"));
                continue;
            }
            if (a.fileName() == null || a.fileName().isBlank() || a.fileName().length() > 255
                    || a.fileName().matches(".*[/\\\\\\r\\n].*")) {
                errors.add(new Problem.FieldError(at + ".fileName", "a plain file name, 1-255 characters"));
            }
            if (a.contentType() == null || !a.contentType().matches("[a-z]+/[a-zA-Z0-9.+-]+")) {
                errors.add(new Problem.FieldError(at + ".contentType", "a media type such as application/pdf"));
            }
            byte[] content;
            try {
                content = a.contentBase64() == null ? null : Base64.getMimeDecoder().decode(a.contentBase64());
            } catch (IllegalArgumentException e) {
                content = null;
            }
            if (content == null || content.length == 0) {
                errors.add(new Problem.FieldError(at + ".contentBase64", "non-empty base64"));
                continue;
            }
            total += content.length;
            out.add(new Attachment(a.fileName(), a.contentType(), content));
        }
        if (total > config.maxAttachmentBytes()) {
            errors.add(new Problem.FieldError("attachments", "at most " + config.maxAttachmentBytes() + " bytes in all"));
        }
        return out;
    }
}
