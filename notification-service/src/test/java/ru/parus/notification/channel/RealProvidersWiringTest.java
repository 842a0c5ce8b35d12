package ru.parus.notification.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import ru.parus.notification.service.channel.ChannelKind;
import ru.parus.notification.service.channel.OutgoingMessage;
import ru.parus.notification.service.channel.SendResult;
import ru.parus.notification.service.channel.SmsChannel;
import ru.parus.notification.service.channel.TelegramChannel;

/**
 * With {@code provider=smsc} and {@code provider=bot} in the configuration, the one SMS and the one Telegram bean
 * send to the configured provider with the configured credentials (WireMock plays both providers).
 */
@QuarkusTest
@TestProfile(RealProvidersWiringTest.RealProviders.class)
class RealProvidersWiringTest {
    /** A system property, so that the profile (loaded by Quarkus) and the test agree on one port. */
    static final String PORT = "parus.test.channels.provider-port";

    public static class RealProviders implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String base = "http://127.0.0.1:" + port();
            return Map.of(
                    "parus.notification.channels.sms.provider", "smsc",
                    "parus.notification.channels.sms.smsc.base-url", base,
                    "parus.notification.channels.sms.smsc.login", "parus-shop",
                    "parus.notification.channels.sms.smsc.password", "from-properties",
                    "parus.notification.channels.sms.smsc.sender", "WATTN",
                    "parus.notification.channels.telegram.provider", "bot",
                    "parus.notification.channels.telegram.base-url", base,
                    "parus.notification.channels.telegram.bot-token", "42:wired-token");
        }
    }

    static synchronized int port() {
        synchronized (System.getProperties()) {
            if (System.getProperty(PORT) == null) {
                try (ServerSocket socket = new ServerSocket(0)) {
                    System.setProperty(PORT, String.valueOf(socket.getLocalPort()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return Integer.parseInt(System.getProperty(PORT));
        }
    }

    static WireMockServer providers;

    @Inject
    SmsChannel sms;
    @Inject
    TelegramChannel telegram;

    @BeforeAll
    static void startProviders() {
        providers = new WireMockServer(WireMockConfiguration.options().port(port()));
        providers.start();
    }

    @AfterAll
    static void stopProviders() {
        if (providers != null) {
            providers.stop();
        }
    }

    @Test
    void R21_theSmsBeanSendsThroughSmscWithTheConfiguredAccount() {
        UUID id = UUID.randomUUID();
        providers.stubFor(post(urlPathEqualTo("/sys/send.php")).willReturn(okJson("{\"id\":\"" + id + "\",\"cnt\":1}")));

        SendResult result = sms.send(new OutgoingMessage(id, ChannelKind.SMS, "+79123456789", null, "Заказ готов", List.of()));

        assertEquals(new SendResult.Accepted(id.toString()), result);
        providers.verify(1, postRequestedFor(urlPathEqualTo("/sys/send.php"))
                .withFormParam("login", equalTo("parus-shop"))
                .withFormParam("psw", equalTo("from-properties"))
                .withFormParam("sender", equalTo("WATTN"))
                .withFormParam("id", equalTo(id.toString())));
    }

    @Test
    void R21_theTelegramBeanSendsThroughTheBotApiWithTheConfiguredToken() {
        providers.stubFor(post(urlPathEqualTo("/bot42:wired-token/sendMessage"))
                .willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":77}}")));

        SendResult result = telegram.send(new OutgoingMessage(UUID.randomUUID(), ChannelKind.TELEGRAM, "123456789", null,
                "Заказ готов", List.of()));

        assertEquals(new SendResult.Accepted("77"), result);
        providers.verify(1, postRequestedFor(urlPathEqualTo("/bot42:wired-token/sendMessage"))
                .withRequestBody(equalToJson("{\"chat_id\":\"123456789\",\"text\":\"Заказ готов\"}")));
    }
}
