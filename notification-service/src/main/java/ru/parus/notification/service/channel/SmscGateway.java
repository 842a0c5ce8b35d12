package ru.parus.notification.service.channel;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.parus.notification.config.ChannelsConfig;

/**
 * SMS through SMSC.ru's HTTP API (https://smsc.ru/api/http/, R21): {@code POST /sys/send.php} with the form
 * fields login, psw, phones, mes, id, sender, {@code charset=utf-8} and {@code fmt=3} (JSON answers). The id is
 * the message id of our log, so a resend after a crash is recognised by SMSC and the status callback names it.
 * Never logs the phone or the text (R24).
 */
public final class SmscGateway implements MessageChannel {
    /** E.164 after removing the usual separators: SMSC keeps a number that starts with "+" as it is. */
    private static final Pattern PHONE = Pattern.compile("\\+[1-9]\\d{9,14}");
    private static final String PROVIDER = "SMSC";

    private final ChannelsConfig.Smsc config;
    private final HttpClient http;
    private final ObjectMapper mapper = new ObjectMapper();

    public SmscGateway(ChannelsConfig.Smsc config) {
        this.config = config;
        if (config.login().isEmpty() || config.password().isEmpty()) {
            throw new IllegalStateException("parus.notification.channels.sms.provider=smsc needs "
                    + "parus.notification.channels.sms.smsc.login and .password");
        }
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout()).build();
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.SMS;
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        String phone = message.address() == null ? "" : message.address().replaceAll("[\\s()\\-]", "");
        if (!PHONE.matcher(phone).matches()) {
            return new SendResult.PermanentFailure("the address is not a phone number in E.164 format");
        }
        if (message.body() == null || message.body().isBlank()) {
            return new SendResult.PermanentFailure("an SMS needs a text");
        }
        if (!message.attachments().isEmpty()) {
            return new SendResult.PermanentFailure("an SMS cannot carry attachments; send them by e-mail or a messenger");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", config.login().orElseThrow());
        form.put("psw", config.password().orElseThrow());
        form.put("phones", phone);
        form.put("mes", message.body());
        form.put("id", message.messageId().toString());
        config.sender().ifPresent(sender -> form.put("sender", sender));
        form.put("charset", "utf-8");
        form.put("fmt", "3");
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.baseUrl().replaceFirst("/+$", "") + "/sys/send.php"))
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(urlEncoded(form), StandardCharsets.UTF_8))
                .build();
        ProviderCall.Outcome outcome = ProviderCall.call(http, request, PROVIDER);
        return outcome.failure() != null ? outcome.failure() : read(outcome.response(), message);
    }

    private SendResult read(HttpResponse<String> response, OutgoingMessage message) {
        if (response.statusCode() / 100 != 2) {
            return new SendResult.TemporaryFailure(PROVIDER + " answered HTTP " + response.statusCode());
        }
        JsonNode answer;
        try {
            answer = mapper.readTree(response.body());
        } catch (Exception e) {
            return new SendResult.TemporaryFailure(PROVIDER + " answered something other than JSON");
        }
        if (answer != null && answer.hasNonNull("error_code")) {
            return forErrorCode(answer.path("error_code").asInt(), answer.path("error").asText(""));
        }
        if (answer != null && answer.hasNonNull("id")) {
            return new SendResult.Accepted(answer.path("id").asText());
        }
        return new SendResult.TemporaryFailure(PROVIDER + " answered without an id or an error");
    }

    /**
     * R21: SMSC's error codes of send.php. What a retry cannot fix (our request, the number, the text) fails
     * for good; what goes away by itself or by an operator's fix (money, credentials, the IP filter, a burst
     * limit) is temporary, so the dispatcher retries it up to its cap.
     */
    static SendResult forErrorCode(int code, String error) {
        String reason = PROVIDER + " error " + code + (error.isBlank() ? "" : " (" + error + ")");
        return switch (code) {
            case 1 -> new SendResult.PermanentFailure(reason + ": invalid parameters");
            case 2 -> new SendResult.TemporaryFailure(reason + ": invalid login or password, or the account is blocked");
            case 3 -> new SendResult.TemporaryFailure(reason + ": not enough money on the account");
            case 4 -> new SendResult.TemporaryFailure(reason + ": our IP address is blocked for a while");
            case 5 -> new SendResult.PermanentFailure(reason + ": invalid date");
            case 6 -> new SendResult.PermanentFailure(reason + ": message forbidden by its text or sender name");
            case 7 -> new SendResult.PermanentFailure(reason + ": invalid phone number format");
            case 8 -> new SendResult.PermanentFailure(reason + ": the message cannot be delivered to this number");
            case 9 -> new SendResult.TemporaryFailure(reason + ": too many identical or simultaneous requests");
            default -> new SendResult.TemporaryFailure(reason + ": unknown error code");
        };
    }

    private static String urlEncoded(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
