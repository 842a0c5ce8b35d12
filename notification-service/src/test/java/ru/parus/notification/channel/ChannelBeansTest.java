package ru.parus.notification.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import ru.parus.notification.service.channel.ChannelKind;
import ru.parus.notification.service.channel.LogSink;
import ru.parus.notification.service.channel.MessageChannel;
import ru.parus.notification.service.channel.OutgoingMessage;
import ru.parus.notification.service.channel.SendResult;

/**
 * The channel beans as application.properties wires them for the local stack and the tests: exactly one bean
 * per channel kind, SMS and Telegram going to the log sink, which logs the message id and nothing personal.
 */
@QuarkusTest
class ChannelBeansTest {
    @Inject
    @Any
    Instance<MessageChannel> channels;

    final List<String> logged = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureTheSinksLog() {
        Logger.getLogger(LogSink.class.getName()).addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger(LogSink.class.getName()).removeHandler(capture);
    }

    @Test
    void R21_thereIsExactlyOneChannelBeanPerKind() {
        Map<ChannelKind, Long> beansPerKind = channels.stream()
                .collect(Collectors.groupingBy(MessageChannel::kind, Collectors.counting()));

        assertEquals(1L, beansPerKind.get(ChannelKind.SMS));
        assertEquals(1L, beansPerKind.get(ChannelKind.TELEGRAM));
        beansPerKind.forEach((kind, count) -> assertEquals(1L, count, "beans for " + kind));
    }

    @Test
    void R21_withProviderLogAnSmsIsAcceptedAndOnlyItsIdIsLogged() {
        assertOnlyTheIdIsLogged(ChannelKind.SMS, "+79123456789", "SMS %s accepted by the log sink");
    }

    @Test
    void R21_withProviderLogATelegramMessageIsAcceptedAndOnlyItsIdIsLogged() {
        assertOnlyTheIdIsLogged(ChannelKind.TELEGRAM, "@parus_customer", "Telegram message %s accepted by the log sink");
    }

    private void assertOnlyTheIdIsLogged(ChannelKind kind, String address, String expectedLine) {
        MessageChannel channel = byKind().get(kind);
        UUID id = UUID.randomUUID();
        String text = "Анна, ваш заказ №1042 готов";

        SendResult result = channel.send(new OutgoingMessage(id, kind, address, null, text, List.of()));

        assertEquals(new SendResult.Accepted(id.toString()), result);
        assertEquals(List.of(String.format(expectedLine, id)), logged);
        assertFalse(logged.stream().anyMatch(line -> line.contains(address) || line.contains("Анна")));
        assertTrue(channel.getClass().getName().contains(kind == ChannelKind.SMS ? "SmsChannel" : "TelegramChannel"),
                channel.getClass().getName());
    }

    private Map<ChannelKind, MessageChannel> byKind() {
        return channels.stream().collect(Collectors.toMap(MessageChannel::kind, Function.identity()));
    }
}
