package ru.parus.notification.service.channel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

/**
 * R21: e-mail through SMTP with Quarkus Mailer, attachments included. The log's message id goes into the
 * {@code Message-ID} header, so a resend after a crash carries the same id. Never logs the address or the body (R24).
 */
@ApplicationScoped
public class EmailChannel implements MessageChannel {
    private static final Logger LOG = Logger.getLogger(EmailChannel.class);

    @Inject
    Mailer mailer;

    @Override
    public ChannelKind kind() {
        return ChannelKind.EMAIL;
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        if (message.address() == null || !message.address().contains("@")) {
            return new SendResult.PermanentFailure("not an e-mail address");
        }
        String messageId = "<" + message.messageId() + "@parus.local>";
        Mail mail = Mail.withText(message.address(), message.subject() == null ? "" : message.subject(), message.body());
        mail.addHeader("Message-ID", messageId);
        for (Attachment a : message.attachments()) {
            mail.addAttachment(a.fileName(), a.content(), a.contentType());
        }
        try {
            mailer.send(mail);
            return new SendResult.Accepted(messageId);
        } catch (RuntimeException e) {
            // a refused recipient is the address's fault; anything else (connection, timeout) may pass
            String text = String.valueOf(e.getMessage());
            LOG.warnf("e-mail for message %s not sent: %s", message.messageId(), e.getClass().getSimpleName());
            if (text.matches("(?s).*\\b55[0-9]\\b.*")) {
                return new SendResult.PermanentFailure("SMTP refused: " + text);
            }
            return new SendResult.TemporaryFailure(e.getClass().getSimpleName() + ": " + text);
        }
    }
}
