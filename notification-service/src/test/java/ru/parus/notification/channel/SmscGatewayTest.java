package ru.parus.notification.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import ru.parus.notification.service.channel.Attachment;
import ru.parus.notification.service.channel.ChannelKind;
import ru.parus.notification.service.channel.OutgoingMessage;
import ru.parus.notification.service.channel.SendResult;
import ru.parus.notification.service.channel.SmscGateway;

/** R21: SMS through SMSC.ru's HTTP API, WireMock playing SMSC. Plain JUnit: the gateway is built from its config. */
class SmscGatewayTest {
    static final String TEXT = "Ваш заказ №1042 готов к выдаче. Оплата при получении: 2 490 ₽";
    static WireMockServer smsc;

    @BeforeAll
    static void startSmsc() {
        smsc = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        smsc.start();
    }

    @AfterAll
    static void stopSmsc() {
        smsc.stop();
    }

    @BeforeEach
    void reset() {
        smsc.resetAll();
    }

    static SmscGateway gateway(String baseUrl, String requestTimeout) {
        Map<String, String> p = new HashMap<>();
        p.put("parus.notification.channels.sms.provider", "smsc");
        p.put("parus.notification.channels.sms.smsc.base-url", baseUrl);
        p.put("parus.notification.channels.sms.smsc.login", "parus-shop");
        p.put("parus.notification.channels.sms.smsc.password", "s3cret&pw");
        p.put("parus.notification.channels.sms.smsc.sender", "LACTOMIN");
        p.put("parus.notification.channels.sms.smsc.request-timeout", requestTimeout);
        return new SmscGateway(TestChannelsConfig.of(p).sms().smsc());
    }

    SmscGateway gateway() {
        return gateway(smsc.baseUrl(), "10s");
    }

    static OutgoingMessage sms(String phone) {
        return new OutgoingMessage(UUID.randomUUID(), ChannelKind.SMS, phone, null, TEXT, List.of());
    }

    @Test
    void R21_theFormReachingSmscCarriesCredentialsPhoneUtf8TextAndOurMessageId() {
        OutgoingMessage message = sms("+7 (912) 345-67-89");
        smsc.stubFor(post(urlPathEqualTo("/sys/send.php"))
                .willReturn(okJson("{\"id\": \"" + message.messageId() + "\", \"cnt\": 2}")));

        SendResult result = gateway().send(message);

        assertEquals(new SendResult.Accepted(message.messageId().toString()), result);
        smsc.verify(1, postRequestedFor(urlPathEqualTo("/sys/send.php"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("login", equalTo("parus-shop"))
                .withFormParam("psw", equalTo("s3cret&pw"))
                .withFormParam("phones", equalTo("+79123456789"))
                .withFormParam("mes", equalTo(TEXT))
                .withFormParam("id", equalTo(message.messageId().toString()))
                .withFormParam("sender", equalTo("LACTOMIN"))
                .withFormParam("charset", equalTo("utf-8"))
                .withFormParam("fmt", equalTo("3")));
        LoggedRequest request = smsc.findAll(postRequestedFor(urlPathEqualTo("/sys/send.php"))).get(0);
        assertTrue(request.getBodyAsString().contains("mes=" + URLEncoder.encode(TEXT, StandardCharsets.UTF_8)),
                "the text travels percent-encoded as UTF-8");
    }

    @Test
    void R21_aNumericIdInSmscsAnswerIsTheProviderMessageId() {
        smsc.stubFor(post(urlPathEqualTo("/sys/send.php")).willReturn(okJson("{\"id\": 9981, \"cnt\": 1}")));

        assertEquals(new SendResult.Accepted("9981"), gateway().send(sms("+79123456789")));
    }

    @ParameterizedTest(name = "SMSC error {0} is {1}")
    @CsvSource({
            "1, PERMANENT", "2, TEMPORARY", "3, TEMPORARY", "4, TEMPORARY", "5, PERMANENT",
            "6, PERMANENT", "7, PERMANENT", "8, PERMANENT", "9, TEMPORARY", "42, TEMPORARY" })
    void R21_smscErrorCodesMapToPermanentOrTemporaryFailures(int code, String expected) {
        smsc.stubFor(post(urlPathEqualTo("/sys/send.php"))
                .willReturn(okJson("{\"error\": \"some error\", \"error_code\": " + code + "}")));

        SendResult result = gateway().send(sms("+79123456789"));

        Class<? extends SendResult> kind = expected.equals("PERMANENT") ? SendResult.PermanentFailure.class
                : SendResult.TemporaryFailure.class;
        assertEquals(kind, result.getClass());
        assertTrue(reason(result).contains("SMSC error " + code), reason(result));
    }

    @Test
    void R21_aServerErrorOfSmscIsTemporary() {
        smsc.stubFor(post(urlPathEqualTo("/sys/send.php")).willReturn(aResponse().withStatus(503)));

        assertEquals(new SendResult.TemporaryFailure("SMSC answered HTTP 503"), gateway().send(sms("+79123456789")));
    }

    @Test
    void R21_anAnswerThatIsNotJsonIsTemporary() {
        smsc.stubFor(post(urlPathEqualTo("/sys/send.php")).willReturn(aResponse().withStatus(200).withBody("OK - 1 SMS")));

        assertInstanceOf(SendResult.TemporaryFailure.class, gateway().send(sms("+79123456789")));
    }

    @Test
    void R21_anAnswerSlowerThanTheTimeoutIsTemporary() {
        smsc.stubFor(post(urlPathEqualTo("/sys/send.php"))
                .willReturn(okJson("{\"id\": 1, \"cnt\": 1}").withFixedDelay(3_000)));

        SendResult result = gateway(smsc.baseUrl(), "500ms").send(sms("+79123456789"));

        assertEquals(new SendResult.TemporaryFailure("SMSC did not answer in time"), result);
    }

    @Test
    void R21_aRefusedConnectionIsTemporary() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        SendResult result = gateway("http://127.0.0.1:" + closedPort, "10s").send(sms("+79123456789"));

        assertInstanceOf(SendResult.TemporaryFailure.class, result);
        assertTrue(reason(result).startsWith("SMSC unreachable"), reason(result));
    }

    @Test
    void R21_whatSmscCannotSendFailsForGoodWithoutCallingIt() {
        SmscGateway gateway = gateway();
        OutgoingMessage notAPhone = sms("anna@example.org");
        OutgoingMessage noText = new OutgoingMessage(UUID.randomUUID(), ChannelKind.SMS, "+79123456789", null, " ", null);
        OutgoingMessage withFile = new OutgoingMessage(UUID.randomUUID(), ChannelKind.SMS, "+79123456789", null, TEXT,
                List.of(new Attachment("price.pdf", "application/pdf", new byte[] { 1 })));

        for (OutgoingMessage m : List.of(notAPhone, noText, withFile)) {
            assertInstanceOf(SendResult.PermanentFailure.class, gateway.send(m));
        }
        assertTrue(reason(gateway.send(notAPhone)).indexOf("anna") < 0, "the address is not repeated in the reason");
        smsc.verify(0, postRequestedFor(urlPathEqualTo("/sys/send.php")));
    }

    @Test
    void smscWithoutCredentialsRefusesToStart() {
        var config = TestChannelsConfig.of(Map.of("parus.notification.channels.sms.provider", "smsc")).sms().smsc();

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new SmscGateway(config));
        assertTrue(e.getMessage().contains("parus.notification.channels.sms.smsc.login"), e.getMessage());
    }

    static String reason(SendResult result) {
        if (result instanceof SendResult.TemporaryFailure t) {
            return t.reason();
        }
        if (result instanceof SendResult.PermanentFailure p) {
            return p.reason();
        }
        return "accepted " + ((SendResult.Accepted) result).providerMessageId();
    }
}
