package ru.parus.notification.service.channel;

import java.util.List;
import java.util.UUID;

/**
 * One message, rendered and addressed, ready for a channel. {@code messageId} is the delivery log's id:
 * providers that accept a client id get it, so a resend after a crash is recognised as the same message.
 *
 * @param address an e-mail, an E.164 phone or a messenger handle / chat id, as the channel expects
 * @param subject used by e-mail only
 */
public record OutgoingMessage(UUID messageId, ChannelKind channel, String address, String subject, String body,
        List<Attachment> attachments) {
    public OutgoingMessage {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
