package ru.parus.notification;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import ru.parus.notification.service.channel.ChannelKind;
import ru.parus.notification.service.channel.MessageChannel;
import ru.parus.notification.service.channel.OutgoingMessage;
import ru.parus.notification.service.channel.SendResult;

/**
 * A real channel bean for a kind no production class serves (VK), whose answer the address decides:
 * {@code temp-N:...} fails temporarily N times then accepts (N = 99: always), {@code perm:...} is refused.
 * It records the calls per message.
 */
@ApplicationScoped
public class FlakyVkChannel implements MessageChannel {
    final Map<UUID, AtomicInteger> calls = new ConcurrentHashMap<>();

    @Override
    public ChannelKind kind() {
        return ChannelKind.VK;
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        int call = calls.computeIfAbsent(message.messageId(), k -> new AtomicInteger()).incrementAndGet();
        String address = message.address();
        if (address.startsWith("perm:")) {
            return new SendResult.PermanentFailure("user blocked the community");
        }
        if (address.startsWith("temp-")) {
            int failures = Integer.parseInt(address.substring(5, address.indexOf(':')));
            if (call <= failures) {
                return new SendResult.TemporaryFailure("429 too many requests");
            }
        }
        return new SendResult.Accepted("vk-" + message.messageId());
    }

    int calls(UUID messageId) {
        AtomicInteger n = calls.get(messageId);
        return n == null ? 0 : n.get();
    }
}
