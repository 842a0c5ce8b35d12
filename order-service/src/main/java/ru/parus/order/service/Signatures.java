package ru.parus.order.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import ru.parus.platform.problem.Credential;
import ru.parus.platform.problem.ProblemException;

/**
 * HMAC-SHA256 signatures of raw request bodies (storefronts, the payment provider). The JDK's
 * {@link Mac} is the well-kept implementation; a library would add nothing but a dependency.
 */
public final class Signatures {
    private Signatures() {
    }

    public static String hmacSha256Hex(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the caller signs with, for the 401 that names it. */
    public static Credential credential(String header) {
        return Credential.header("HMAC-SHA256 signature", header);
    }

    /**
     * A missing or wrong signature is a 401 problem naming the signature header; comparison in constant time.
     * Accepts {@code sha256=<hex>} too.
     */
    public static void verify(String secret, byte[] body, String signature, String header) {
        if (signature == null || signature.isBlank()) {
            throw ProblemException.unauthorized(credential(header), "Sign the raw body with HMAC-SHA256 in the "
                    + header + " header");
        }
        String given = signature.trim().toLowerCase();
        if (given.startsWith("sha256=")) {
            given = given.substring("sha256=".length());
        }
        String expected = hmacSha256Hex(secret, body);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII))) {
            throw ProblemException.unauthorized(credential(header), "The " + header + " signature does not match the body");
        }
    }
}
