package ru.parus.notification.service.channel;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;
import ru.parus.notification.config.ChannelsConfig;

/**
 * The one Telegram channel bean (R21). It sends through the provider that
 * {@code parus.notification.channels.telegram.provider} names: {@code bot} (the Bot API) or {@code log} (the
 * local stack's sink). Built at start-up, so a wrong provider or a missing token stop the service at once.
 */
@ApplicationScoped
@Startup
public class TelegramChannel implements MessageChannel {
    private static final Logger LOG = Logger.getLogger(TelegramChannel.class);

    private final MessageChannel provider;

    public TelegramChannel(ChannelsConfig config) {
        String name = config.telegram().provider();
        provider = switch (name) {
            case "bot" -> new TelegramBotGateway(config.telegram());
            case "log" -> new LogSink(ChannelKind.TELEGRAM, "Telegram message");
            default -> throw new IllegalStateException(
                    "parus.notification.channels.telegram.provider must be bot or log, not " + name);
        };
        LOG.infof("Telegram channel sends through %s", name);
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.TELEGRAM;
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        return provider.send(message);
    }
}
