package ru.parus.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The bearer-token parser every service's authentication uses (Quarkus' {@code MpJwtValidator} injects a
 * {@link JWTParser}): it verifies a token once with smallrye-jwt's {@link DefaultJWTParser} and remembers the result,
 * keyed by the SHA-256 of the token, until the token expires or {@link TokenCacheConfig#maxAge()} passes, whichever
 * is first. A manager's screen sends the same token with every call; verifying its RSA signature and claims each time
 * was about 8 % of order-service's CPU per order (issue 15's profile).
 * <p>
 * Only tokens that verified are remembered, so a forged or expired one is judged by the library every time. The
 * expiry is checked again on each hit (the cache's own expiry is a bound, not the judge). Caffeine bounds the entries
 * (least recently used go first) and expires each at its own time; it is the JDK ecosystem's standard cache and
 * Quarkus' own caching uses it.
 */
@Alternative
@Priority(1)
@Singleton
public class VerifiedTokens implements JWTParser {
    private final DefaultJWTParser verifier;
    private final TokenCacheConfig config;
    private final Cache<String, Verified> cache;

    @Inject
    public VerifiedTokens(DefaultJWTParser verifier, TokenCacheConfig config) {
        this.verifier = verifier;
        this.config = config;
        this.cache = Caffeine.newBuilder()
                .maximumSize(config.maxEntries())
                .expireAfter(Expiry.<String, Verified>creating((key, verified) -> verified.remembered()))
                .build();
    }

    /** A verified token and how long it may be remembered from when it was verified. */
    private record Verified(JsonWebToken token, Instant expiresAt, Duration remembered) {
    }

    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        if (!config.enabled()) {
            return verifier.parse(bearerToken);
        }
        String key = sha256(bearerToken);
        // the library judges expiry by the system clock, not the services' Clock (tests move that one)
        Instant now = Instant.now();
        Verified known = cache.getIfPresent(key);
        if (known != null) {
            if (now.isBefore(known.expiresAt())) {
                return known.token();
            }
            cache.invalidate(key);
        }
        JsonWebToken token = verifier.parse(bearerToken);
        Instant expiresAt = Instant.ofEpochSecond(token.getExpirationTime());
        Duration untilExpiry = Duration.between(now, expiresAt);
        if (!untilExpiry.isNegative() && !untilExpiry.isZero()) {
            Duration remembered = untilExpiry.compareTo(config.maxAge()) < 0 ? untilExpiry : config.maxAge();
            cache.put(key, new Verified(token, expiresAt, remembered));
        }
        return token;
    }

    /** How many verified tokens are remembered now (for tests and metrics; approximate, as Caffeine's size is). */
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    // Everything else is passed on: only parse(String) is what authentication calls for every request.

    @Override
    public JsonWebToken parse(String bearerToken, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(bearerToken, context);
    }

    @Override
    public JsonWebToken verify(String bearerToken, PublicKey key) throws ParseException {
        return verifier.verify(bearerToken, key);
    }

    @Override
    public JsonWebToken verify(String bearerToken, SecretKey key) throws ParseException {
        return verifier.verify(bearerToken, key);
    }

    @Override
    public JsonWebToken verify(String bearerToken, String secret) throws ParseException {
        return verifier.verify(bearerToken, secret);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, PrivateKey key) throws ParseException {
        return verifier.decrypt(bearerToken, key);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, SecretKey key) throws ParseException {
        return verifier.decrypt(bearerToken, key);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, String secret) throws ParseException {
        return verifier.decrypt(bearerToken, secret);
    }

    @Override
    public JsonWebToken parseOnly(String bearerToken) throws ParseException {
        return verifier.parseOnly(bearerToken);
    }
}
