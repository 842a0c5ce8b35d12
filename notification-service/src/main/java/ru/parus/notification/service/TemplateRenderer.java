package ru.parus.notification.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.TemplateInstance;
import ru.parus.notification.domain.MessageKind;
import ru.parus.notification.service.channel.ChannelKind;
import ru.parus.platform.problem.ProblemException;

/**
 * R21: messages in Russian from Qute templates {@code templates/<KIND>/<CHANNEL>.txt} (falling back to
 * {@code <KIND>/default.txt}), the e-mail subject from {@code <KIND>/subject.txt}. The template version recorded on
 * a message is a hash of the template text, so it changes whenever the wording does.
 */
@ApplicationScoped
public class TemplateRenderer {
    public record Rendered(String subject, String body, String templateVersion) {
    }

    @Inject
    Engine engine;

    private final Map<String, String> versions = new ConcurrentHashMap<>();

    /** Renders with all values given as text; a parameter the template needs but {@code data} lacks is a 400. */
    public Rendered render(MessageKind kind, ChannelKind channel, Map<String, String> data) {
        String bodyId = kind.name() + "/" + channel.name();
        if (engine.getTemplate(bodyId) == null) {
            bodyId = kind.name() + "/default";
        }
        String subjectId = kind.name() + "/subject";
        String body = render(bodyId, data);
        String subject = channel == ChannelKind.EMAIL ? render(subjectId, data).strip() : null;
        return new Rendered(subject, body.strip(), bodyId + "@" + version(bodyId));
    }

    private String render(String id, Map<String, String> data) {
        Template template = engine.getTemplate(id);
        if (template == null) {
            throw new IllegalStateException("no template " + id);
        }
        TemplateInstance instance = template.instance();
        data.forEach(instance::data);
        try {
            return instance.render();
        } catch (TemplateException e) {
            throw ProblemException.invalidField("parameters",
                    "the template " + id + " needs a parameter that is missing: " + e.getMessage());
        }
    }

    private String version(String id) {
        return versions.computeIfAbsent(id, k -> {
            try (InputStream in = Thread.currentThread().getContextClassLoader()
                    .getResourceAsStream("templates/" + k + ".txt")) {
                byte[] text = in == null ? k.getBytes(StandardCharsets.UTF_8) : in.readAllBytes();
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text)).substring(0, 12);
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
