package ru.parus.notification.service.channel;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;
import ru.parus.notification.config.ChannelsConfig;

/**
 * The one SMS channel bean (R21). It sends through the provider that
 * {@code parus.notification.channels.sms.provider} names: {@code smsc} (SMSC.ru) or {@code log} (the local
 * stack's sink). Built at start-up, so a wrong provider or missing credentials stop the service at once.
 */
@ApplicationScoped
@Startup
public class SmsChannel implements MessageChannel {
    private static final Logger LOG = Logger.getLogger(SmsChannel.class);

    private final MessageChannel provider;

    public SmsChannel(ChannelsConfig config) {
        String name = config.sms().provider();
        provider = switch (name) {
            case "smsc" -> new SmscGateway(config.sms().smsc());
            case "log" -> new LogSink(ChannelKind.SMS, "SMS");
            default -> throw new IllegalStateException(
                    "parus.notification.channels.sms.provider must be smsc or log, not " + name);
        };
        LOG.infof("SMS channel sends through %s", name);
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.SMS;
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        return provider.send(message);
    }
}
