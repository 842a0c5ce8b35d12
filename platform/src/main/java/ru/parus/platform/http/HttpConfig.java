package ru.parus.platform.http;

import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import ru.parus.platform.problem.Credential;

/**
 * How platform's HTTP filters judge a request before any resource sees it ({@link AuthenticationFirst},
 * {@link RequestLimits}).
 */
@ConfigMapping(prefix = "parus.http")
public interface HttpConfig {
    /**
     * Endpoints whose callers prove themselves by another credential than a bearer token (webhooks), by a name of
     * the service's choosing: {@code parus.http.other-credentials.storefront.path=/storefront/}. Every other path
     * but {@code /q/...} needs a bearer token.
     */
    Map<String, OtherCredential> otherCredentials();

    Limits limits();

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

    /**
     * The request line and headers a service accepts; longer ones get 414 and 431 as problems. Vert.x's own limits
     * ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set well above these in
     * platform's microprofile-config.properties, so that Vert.x passes such a request on to be answered here
     * instead of answering with a bare status of its own.
     */
    interface Limits {
        /** Method, target and protocol version, as sent (percent-encoded). */
        @WithDefault("4096")
        int maxRequestLine();

        /** All header lines ({@code name: value}) together. */
        @WithDefault("20K")
        MemorySize maxHeaderSize();
    }
}
