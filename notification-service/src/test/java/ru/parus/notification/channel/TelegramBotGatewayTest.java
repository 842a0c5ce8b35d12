package ru.parus.notification.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import ru.parus.notification.service.channel.Attachment;
import ru.parus.notification.service.channel.ChannelKind;
import ru.parus.notification.service.channel.OutgoingMessage;
import ru.parus.notification.service.channel.SendResult;
import ru.parus.notification.service.channel.TelegramBotGateway;

/** R21: Telegram through the Bot API, WireMock playing api.telegram.org. Plain JUnit. */
class TelegramBotGatewayTest {
    static final String TOKEN = "7001234567:AAE-test_token";
    static final String SEND_MESSAGE = "/bot" + TOKEN + "/sendMessage";
    static final String SEND_DOCUMENT = "/bot" + TOKEN + "/sendDocument";
    static final String TEXT = "Анна, ваш заказ №1042 ждёт вас в пункте выдачи до 30 ноября.";
    static WireMockServer telegram;

    @BeforeAll
    static void startTelegram() {
        telegram = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        telegram.start();
    }

    @AfterAll
    static void stopTelegram() {
        telegram.stop();
    }

    @BeforeEach
    void reset() {
        telegram.resetAll();
    }

    static TelegramBotGateway gateway(String requestTimeout) {
        Map<String, String> p = new HashMap<>();
        p.put("parus.notification.channels.telegram.provider", "bot");
        p.put("parus.notification.channels.telegram.base-url", telegram.baseUrl());
        p.put("parus.notification.channels.telegram.bot-token", TOKEN);
        p.put("parus.notification.channels.telegram.request-timeout", requestTimeout);
        return new TelegramBotGateway(TestChannelsConfig.of(p).telegram());
    }

    static OutgoingMessage message(String chat, String text, Attachment... attachments) {
        return new OutgoingMessage(UUID.randomUUID(), ChannelKind.TELEGRAM, chat, null, text, List.of(attachments));
    }

    static String ok(int messageId) {
        return "{\"ok\":true,\"result\":{\"message_id\":" + messageId + ",\"chat\":{\"id\":123456789}}}";
    }

    @Test
    void R21_theTextGoesBySendMessageToTheChat() {
        telegram.stubFor(post(urlPathEqualTo(SEND_MESSAGE)).willReturn(okJson(ok(501))));

        SendResult result = gateway("10s").send(message("123456789", TEXT));

        assertEquals(new SendResult.Accepted("501"), result);
        telegram.verify(1, postRequestedFor(urlPathEqualTo(SEND_MESSAGE))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson("{\"chat_id\":\"123456789\",\"text\":\"" + TEXT + "\"}")));
        telegram.verify(0, postRequestedFor(urlPathEqualTo(SEND_DOCUMENT)));
    }

    @Test
    void R21_eachAttachmentFollowsTheTextAsAMultipartDocumentWithItsBytesAndName() {
        byte[] pdf = "%PDF-1.7 price list\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        byte[] certificate = new byte[] { 1, 2, 3, (byte) 0xfe };
        telegram.stubFor(post(urlPathEqualTo(SEND_MESSAGE)).willReturn(okJson(ok(601))));
        telegram.stubFor(post(urlPathEqualTo(SEND_DOCUMENT)).willReturn(okJson(ok(602))));

        SendResult result = gateway("10s").send(message("@parus_customer", TEXT,
                new Attachment("price-list.pdf", "application/pdf", pdf),
                new Attachment("Сертификат.jpg", "image/jpeg", certificate)));

        assertEquals(new SendResult.Accepted("601"), result);
        telegram.verify(1, postRequestedFor(urlPathEqualTo(SEND_DOCUMENT))
                .withHeader("Content-Type", containing("multipart/form-data; boundary="))
                .withRequestBodyPart(aMultipart().withName("chat_id").withBody(equalTo("@parus_customer")).build())
                .withRequestBodyPart(aMultipart().withName("document")
                        .withHeader("Content-Disposition", containing("filename=\"price-list.pdf\""))
                        .withHeader("Content-Type", equalTo("application/pdf"))
                        .withBody(binaryEqualTo(pdf)).build()));
        telegram.verify(1, postRequestedFor(urlPathEqualTo(SEND_DOCUMENT))
                .withRequestBodyPart(aMultipart().withName("document")
                        .withHeader("Content-Type", equalTo("image/jpeg"))
                        .withBody(binaryEqualTo(certificate)).build()));
        String second = telegram.findAll(postRequestedFor(urlPathEqualTo(SEND_DOCUMENT))).get(1).getBodyAsString();
        assertTrue(second.contains("filename=\"Сертификат.jpg\""), "the Cyrillic file name travels as UTF-8");
        List<String> calls = new ArrayList<>(
                telegram.getAllServeEvents().stream().map(e -> e.getRequest().getUrl()).toList());
        Collections.reverse(calls); // WireMock lists the newest first
        assertEquals(List.of(SEND_MESSAGE, SEND_DOCUMENT, SEND_DOCUMENT), calls, "the text first, then the documents");
    }

    @Test
    void R21_documentsAloneNeedNoText() {
        telegram.stubFor(post(urlPathEqualTo(SEND_DOCUMENT)).willReturn(okJson(ok(700))));

        SendResult result = gateway("10s").send(message("-1001234567890", null,
                new Attachment("price-list.pdf", "application/pdf", new byte[] { 7 })));

        assertEquals(new SendResult.Accepted("700"), result);
        telegram.verify(0, postRequestedFor(urlPathEqualTo(SEND_MESSAGE)));
    }

    @ParameterizedTest(name = "Bot API {0} is {1}")
    @CsvSource({ "400, PERMANENT", "403, PERMANENT", "429, TEMPORARY", "401, TEMPORARY", "500, TEMPORARY",
            "502, TEMPORARY" })
    void R21_botApiErrorsMapToPermanentOrTemporaryFailures(int code, String expected) {
        telegram.stubFor(post(urlPathEqualTo(SEND_MESSAGE)).willReturn(aResponse().withStatus(code)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":false,\"error_code\":" + code + ",\"description\":\"Forbidden: bot was blocked by the user\"}")));

        SendResult result = gateway("10s").send(message("123456789", TEXT));

        assertEquals(expected.equals("PERMANENT") ? SendResult.PermanentFailure.class : SendResult.TemporaryFailure.class,
                result.getClass());
    }

    @Test
    void R21_floodControlIsTemporaryAndSaysWhenToRetry() {
        telegram.stubFor(post(urlPathEqualTo(SEND_MESSAGE)).willReturn(aResponse().withStatus(429)
                .withBody("{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 35\","
                        + "\"parameters\":{\"retry_after\":35}}")));

        SendResult result = gateway("10s").send(message("123456789", TEXT));

        assertEquals(new SendResult.TemporaryFailure(
                "Telegram sendMessage error 429 (Too Many Requests: retry after 35): retry after 35 s"), result);
    }

    @Test
    void R21_aGatewayErrorPageWithoutJsonIsTemporary() {
        telegram.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));

        assertEquals(new SendResult.TemporaryFailure("Telegram sendMessage error 502"),
                gateway("10s").send(message("123456789", TEXT)));
    }

    @Test
    void R21_anAnswerSlowerThanTheTimeoutIsTemporary() {
        telegram.stubFor(post(urlPathEqualTo(SEND_MESSAGE)).willReturn(okJson(ok(1)).withFixedDelay(3_000)));

        assertEquals(new SendResult.TemporaryFailure("Telegram did not answer in time"),
                gateway("500ms").send(message("123456789", TEXT)));
    }

    @Test
    void R21_aDocumentRefusedAfterTheTextFailsSayingTheTextWasSent() {
        telegram.stubFor(post(urlPathEqualTo(SEND_MESSAGE)).willReturn(okJson(ok(801))));
        telegram.stubFor(post(urlPathEqualTo(SEND_DOCUMENT)).willReturn(aResponse().withStatus(400)
                .withBody("{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: file is too big\"}")));

        SendResult result = gateway("10s").send(message("123456789", TEXT,
                new Attachment("catalogue.pdf", "application/pdf", new byte[] { 1 })));

        assertEquals(new SendResult.PermanentFailure(
                "the text already sent; Telegram sendDocument error 400 (Bad Request: file is too big)"), result);
    }

    @Test
    void R21_whatTelegramCannotTakeFailsForGoodWithoutCallingIt() {
        TelegramBotGateway gateway = gateway("10s");
        for (OutgoingMessage m : List.of(message("+79123456789", TEXT), message("123456789", " "),
                message("123456789", "я".repeat(4097)))) {
            assertInstanceOf(SendResult.PermanentFailure.class, gateway.send(m));
        }
        telegram.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void aBotWithoutTokenRefusesToStart() {
        var config = TestChannelsConfig.of(Map.of("parus.notification.channels.telegram.provider", "bot")).telegram();

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new TelegramBotGateway(config));
        assertTrue(e.getMessage().contains("parus.notification.channels.telegram.bot-token"), e.getMessage());
    }
}
