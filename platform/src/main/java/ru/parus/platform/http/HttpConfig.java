package ru.parus.platform.http;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

import ru.parus.platform.problem.Credential;

/** How platform's HTTP filters judge a request before any resource sees it ({@link AuthenticationFirst}). */
@ConfigMapping(prefix = "parus.http")
public interface HttpConfig {
    /**
     * Endpoints whose callers prove themselves by another credential than a bearer token (webhooks), by a name of
     * the service's choosing: {@code parus.http.other-credentials.storefront.path=/storefront/}. Every other path
     * but {@code /q/...} needs a bearer token.
     */
    Map<String, OtherCredential> otherCredentials();

    interface OtherCredential {
        /** The endpoint's path, or a prefix of whole segments ending in {@code /} ({@code /storefront/}). */
        String path();

        /** The header carrying the credential; set this or {@link #queryParameter()}. */
        Optional<String> header();

        /** The query parameter carrying the credential; set this or {@link #header()}. */
        Optional<String> queryParameter();

        /** What the credential is, for people: {@code HMAC-SHA256 signature}, {@code shared secret}. */
        String name();

        default Credential credential() {
            if (header().isPresent() == queryParameter().isPresent()) {
                throw new IllegalStateException("parus.http.other-credentials for " + path()
                        + ": set exactly one of header and query-parameter");
            }
            return header().map(h -> Credential.header(name(), h))
                    .orElseGet(() -> Credential.query(name(), queryParameter().orElseThrow()));
        }

        /** True for the path itself and, for a prefix ending in {@code /}, every path below it. */
        default boolean covers(String requestPath) {
            String p = path();
            return p.endsWith("/") ? requestPath.startsWith(p) || requestPath.equals(p.substring(0, p.length() - 1))
                    : requestPath.equals(p) || requestPath.startsWith(p + "/");
        }
    }
}
