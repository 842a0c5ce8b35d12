package ru.parus.notification.service.channel;

/**
 * A way to reach a customer (R21). Each channel is one {@code @ApplicationScoped} bean; the sender picks it by
 * {@link #kind()}, so another messenger is added as one class. Implementations never log the address or the body
 * (personal data, R24) and turn every provider answer, including I/O errors, into a {@link SendResult}.
 */
public interface MessageChannel {
    ChannelKind kind();

    SendResult send(OutgoingMessage message);
}
