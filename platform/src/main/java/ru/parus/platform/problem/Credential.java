package ru.parus.platform.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A credential other than a bearer token that an endpoint checks itself: a webhook's HMAC signature or shared
 * secret, carried in a header or a query parameter. Its 401 names it ({@link ProblemException#unauthorized}), so
 * the caller knows what to send; platform's {@code http.AuthenticationFirst} answers the same problem when the
 * credential is missing before the request is matched to a resource.
 *
 * @param name what it is, for people ({@code HMAC-SHA256 signature}, {@code shared secret})
 * @param in where it travels
 * @param parameter the header's or query parameter's name ({@code X-Parus-Signature}, {@code secret})
 */
public record Credential(String name, In in, String parameter) {
    /** Where a credential travels; the values are those of OpenAPI's {@code apiKey} security schemes. */
    public enum In {
        HEADER("header"), QUERY("query parameter");

        private final String words;

        In(String words) {
            this.words = words;
        }
    }

    public Credential {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(parameter, "parameter");
    }

    public static Credential header(String name, String header) {
        return new Credential(name, In.HEADER, header);
    }

    public static Credential query(String name, String parameter) {
        return new Credential(name, In.QUERY, parameter);
    }

    /** {@code HMAC-SHA256 signature (header X-Parus-Signature)}. */
    public String describe() {
        return name + " (" + place() + ")";
    }

    /** {@code header X-Parus-Signature}, {@code query parameter secret}. */
    public String place() {
        return in.words + " " + parameter;
    }

    /** The problem's {@code credential} member: {@code {"in": "header", "name": "X-Parus-Signature"}}. */
    Map<String, String> member() {
        Map<String, String> member = new LinkedHashMap<>();
        member.put("in", in == In.HEADER ? "header" : "query");
        member.put("name", parameter);
        return member;
    }
}
