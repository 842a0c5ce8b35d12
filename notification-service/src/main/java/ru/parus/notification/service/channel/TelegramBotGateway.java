package ru.parus.notification.service.channel;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.parus.notification.config.ChannelsConfig;

/**
 * Telegram through the Bot API (https://core.telegram.org/bots/api, R21): the text by {@code sendMessage}, then
 * each attachment by {@code sendDocument} as multipart/form-data. The address is a chat id or an {@code @handle}.
 * The bot token is part of the URL, so URLs are never logged; neither are the address and the text (R24).
 */
public final class TelegramBotGateway implements MessageChannel {
    private static final Pattern CHAT = Pattern.compile("-?\\d{1,20}|@[A-Za-z][A-Za-z0-9_]{4,31}");
    private static final int MAX_TEXT = 4096;
    private static final String PROVIDER = "Telegram";

    private final ChannelsConfig.Telegram config;
    private final HttpClient http;
    private final ObjectMapper mapper = new ObjectMapper();

    public TelegramBotGateway(ChannelsConfig.Telegram config) {
        this.config = config;
        if (config.botToken().isEmpty()) {
            throw new IllegalStateException("parus.notification.channels.telegram.provider=bot needs "
                    + "parus.notification.channels.telegram.bot-token");
        }
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout()).build();
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.TELEGRAM;
    }

    /**
     * The text first, then one document per attachment. A failure after the text was sent is reported as such; a
     * retry then sends the text again, as the Bot API has no client id to recognise a resend by.
     */
    @Override
    public SendResult send(OutgoingMessage message) {
        String chat = message.address() == null ? "" : message.address().strip();
        if (!CHAT.matcher(chat).matches()) {
            return new SendResult.PermanentFailure("the address is not a Telegram chat id or @handle");
        }
        boolean hasText = message.body() != null && !message.body().isBlank();
        if (!hasText && message.attachments().isEmpty()) {
            return new SendResult.PermanentFailure("a Telegram message needs a text or a document");
        }
        if (hasText && message.body().length() > MAX_TEXT) {
            return new SendResult.PermanentFailure("the text is longer than Telegram's " + MAX_TEXT + " characters");
        }
        String firstId = null;
        if (hasText) {
            ObjectNode json = mapper.createObjectNode().put("chat_id", chat).put("text", message.body());
            SendResult result = call(HttpRequest.newBuilder(method("sendMessage"))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(json.toString(), StandardCharsets.UTF_8)), "sendMessage");
            if (!(result instanceof SendResult.Accepted accepted)) {
                return result;
            }
            firstId = accepted.providerMessageId();
        }
        int sent = 0;
        for (Attachment attachment : message.attachments()) {
            Multipart body = new Multipart().field("chat_id", chat).file("document", attachment);
            SendResult result = call(HttpRequest.newBuilder(method("sendDocument"))
                    .header("Content-Type", body.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())), "sendDocument");
            if (!(result instanceof SendResult.Accepted accepted)) {
                return sent == 0 && firstId == null ? result : afterPartialSend(result, hasText, sent);
            }
            firstId = firstId == null ? accepted.providerMessageId() : firstId;
            sent++;
        }
        return new SendResult.Accepted(firstId);
    }

    private static SendResult afterPartialSend(SendResult failure, boolean textSent, int documentsSent) {
        String done = (textSent ? "the text" : "") + (textSent && documentsSent > 0 ? " and " : "")
                + (documentsSent > 0 ? documentsSent + " document(s)" : "") + " already sent; ";
        if (failure instanceof SendResult.TemporaryFailure t) {
            return new SendResult.TemporaryFailure(done + t.reason());
        }
        return new SendResult.PermanentFailure(done + ((SendResult.PermanentFailure) failure).reason());
    }

    private URI method(String name) {
        return URI.create(config.baseUrl().replaceFirst("/+$", "") + "/bot" + config.botToken().orElseThrow() + "/" + name);
    }

    private SendResult call(HttpRequest.Builder request, String method) {
        ProviderCall.Outcome outcome = ProviderCall.call(http, request.timeout(config.requestTimeout()).build(), PROVIDER);
        return outcome.failure() != null ? outcome.failure() : read(outcome.response(), method);
    }

    private SendResult read(HttpResponse<String> response, String method) {
        JsonNode answer;
        try {
            answer = mapper.readTree(response.body());
        } catch (Exception e) {
            answer = null;
        }
        if (answer != null && answer.path("ok").asBoolean(false) && answer.path("result").has("message_id")) {
            return new SendResult.Accepted(answer.path("result").path("message_id").asText());
        }
        int code = answer != null && answer.has("error_code") ? answer.path("error_code").asInt() : response.statusCode();
        String description = answer == null ? "" : answer.path("description").asText("");
        return forError(code, description, answer == null ? null : answer.path("parameters").path("retry_after"), method);
    }

    /**
     * R21: the Bot API's errors. 400 (bad chat, bad file) and 403 (the user blocked the bot, the bot is not in the
     * chat) fail for good; 429 (flood control, with {@code retry_after}), 5xx and an invalid token (401/404, fixed
     * by an operator) are temporary.
     */
    static SendResult forError(int code, String description, JsonNode retryAfter, String method) {
        String reason = PROVIDER + " " + method + " error " + code + (description.isBlank() ? "" : " (" + description + ")");
        if (code == 429) {
            return new SendResult.TemporaryFailure(reason + (retryAfter != null && retryAfter.canConvertToInt()
                    ? ": retry after " + retryAfter.asInt() + " s" : ""));
        }
        if (code == 401 || code == 404 || code >= 500 || code < 400) {
            return new SendResult.TemporaryFailure(reason);
        }
        return new SendResult.PermanentFailure(reason);
    }

    /** A multipart/form-data body (RFC 7578); file names go as UTF-8, which the Bot API reads. */
    private static final class Multipart {
        private final String boundary = "parus-" + UUID.randomUUID();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart field(String name, String value) {
            head("form-data; name=\"" + name + "\"", "text/plain; charset=utf-8");
            write(value.getBytes(StandardCharsets.UTF_8));
            write("\r\n");
            return this;
        }

        Multipart file(String name, Attachment attachment) {
            String fileName = attachment.fileName() == null ? "document" : attachment.fileName();
            head("form-data; name=\"" + name + "\"; filename=\"" + fileName.replaceAll("[\"\\\\\r\n]", "_") + "\"",
                    attachment.contentType() == null ? "application/octet-stream" : attachment.contentType());
            write(attachment.content() == null ? new byte[0] : attachment.content());
            write("\r\n");
            return this;
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        byte[] bytes() {
            write("--" + boundary + "--\r\n");
            return out.toByteArray();
        }

        private void head(String disposition, String contentType) {
            write("--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\nContent-Type: " + contentType
                    + "\r\n\r\n");
        }

        private void write(String s) {
            write(s.getBytes(StandardCharsets.UTF_8));
        }

        private void write(byte[] bytes) {
            out.writeBytes(bytes);
        }
    }
}
