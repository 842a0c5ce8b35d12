package ru.parus.notification.service.channel;

import org.jboss.logging.Logger;

/**
 * The provider of the local stack and of tests that send no real message: it logs only the message id (never
 * the address or the text, R24) and accepts. Selected with {@code parus.notification.channels.<channel>.provider=log}.
 */
public final class LogSink implements MessageChannel {
    private static final Logger LOG = Logger.getLogger(LogSink.class);

    private final ChannelKind kind;
    private final String what;

    /** @param what how the log line names a message of this channel, e.g. "SMS" */
    public LogSink(ChannelKind kind, String what) {
        this.kind = kind;
        this.what = what;
    }

    @Override
    public ChannelKind kind() {
        return kind;
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        LOG.infof("%s %s accepted by the log sink", what, message.messageId());
        return new SendResult.Accepted(message.messageId().toString());
    }
}
