package ru.parus.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;

/** The verified-token cache against smallrye-jwt's real parser and real RSA-signed tokens (issue 15). */
class VerifiedTokensTest {
    private static final String ISSUER = "https://parus.local/test-issuer";
    private static final KeyPair COMPANY = keys();
    private static final KeyPair FORGER = keys();

    /** smallrye-jwt's own parser, counting the verifications it does. */
    static class CountingParser extends DefaultJWTParser {
        final AtomicInteger verified = new AtomicInteger();

        CountingParser() {
            super(context());
        }

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verified.incrementAndGet();
            return super.parse(token);
        }
    }

    record Settings(boolean enabled, int maxEntries, Duration maxAge) implements TokenCacheConfig {
    }

    @Test
    void aTokenSentAgainIsVerifiedOnce() throws Exception {
        CountingParser library = new CountingParser();
        VerifiedTokens tokens = new VerifiedTokens(library, new Settings(true, 100, Duration.ofMinutes(5)));
        String token = token("manager-1", COMPANY.getPrivate(), Instant.now().plusSeconds(600));

        JsonWebToken first = tokens.parse(token);
        for (int i = 0; i < 5; i++) {
            assertSame(first, tokens.parse(token));
        }

        assertEquals(1, library.verified.get());
        assertEquals("manager-1", first.getName());
        assertEquals(Set.of("MANAGER"), first.getGroups());
        assertEquals(1, tokens.size());
    }

    @Test
    void anotherTokenOfTheSameManagerIsVerifiedOnItsOwn() throws Exception {
        CountingParser library = new CountingParser();
        VerifiedTokens tokens = new VerifiedTokens(library, new Settings(true, 100, Duration.ofMinutes(5)));
        tokens.parse(token("manager-1", COMPANY.getPrivate(), Instant.now().plusSeconds(600)));
        tokens.parse(token("manager-1", COMPANY.getPrivate(), Instant.now().plusSeconds(900)));

        assertEquals(2, library.verified.get());
        assertEquals(2, tokens.size());
    }

    @Test
    void aForgedTokenIsRefusedEveryTimeAndNeverRemembered() {
        CountingParser library = new CountingParser();
        VerifiedTokens tokens = new VerifiedTokens(library, new Settings(true, 100, Duration.ofMinutes(5)));
        String forged = token("head-1", FORGER.getPrivate(), Instant.now().plusSeconds(600));

        assertThrows(ParseException.class, () -> tokens.parse(forged));
        assertThrows(ParseException.class, () -> tokens.parse(forged));

        assertEquals(2, library.verified.get());
        assertEquals(0, tokens.size());
    }

    @Test
    void anExpiredTokenIsRefusedEveryTime() {
        CountingParser library = new CountingParser();
        VerifiedTokens tokens = new VerifiedTokens(library, new Settings(true, 100, Duration.ofMinutes(5)));
        // past the library's grace period for expiry as well
        String expired = token("manager-1", COMPANY.getPrivate(), Instant.now().minusSeconds(3600));

        assertThrows(ParseException.class, () -> tokens.parse(expired));
        assertThrows(ParseException.class, () -> tokens.parse(expired));

        assertEquals(2, library.verified.get());
        assertEquals(0, tokens.size());
    }

    @Test
    void aTokenIsVerifiedAgainOnceItsExpiryPasses() throws Exception {
        CountingParser library = new CountingParser();
        VerifiedTokens tokens = new VerifiedTokens(library, new Settings(true, 100, Duration.ofMinutes(5)));
        // expires in two seconds: remembered until then, judged by the library afterwards (its grace period still
        // lets it through, but the cache no longer answers for it)
        String shortLived = token("manager-1", COMPANY.getPrivate(), Instant.now().plusSeconds(2));
        tokens.parse(shortLived);
        tokens.parse(shortLived);
        assertEquals(1, library.verified.get());

        Thread.sleep(2_100);
        tokens.parse(shortLived);

        assertEquals(2, library.verified.get());
    }

    @Test
    void aRememberedTokenIsVerifiedAgainAfterTheMaximumAge() throws Exception {
        CountingParser library = new CountingParser();
        VerifiedTokens tokens = new VerifiedTokens(library, new Settings(true, 100, Duration.ofMillis(200)));
        String token = token("manager-1", COMPANY.getPrivate(), Instant.now().plusSeconds(600));
        tokens.parse(token);
        tokens.parse(token);

        Thread.sleep(400);
        tokens.parse(token);

        assertEquals(2, library.verified.get());
    }

    @Test
    void theCacheHoldsNoMoreThanItsMaximum() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(new CountingParser(), new Settings(true, 3, Duration.ofMinutes(5)));
        for (int i = 0; i < 20; i++) {
            tokens.parse(token("manager-" + i, COMPANY.getPrivate(), Instant.now().plusSeconds(600)));
        }

        assertTrue(tokens.size() <= 3, "remembered " + tokens.size());
    }

    @Test
    void switchedOffEveryRequestIsVerified() throws Exception {
        CountingParser library = new CountingParser();
        VerifiedTokens tokens = new VerifiedTokens(library, new Settings(false, 100, Duration.ofMinutes(5)));
        String token = token("manager-1", COMPANY.getPrivate(), Instant.now().plusSeconds(600));
        tokens.parse(token);
        tokens.parse(token);

        assertEquals(2, library.verified.get());
        assertEquals(0, tokens.size());
    }

    private static String token(String staff, PrivateKey key, Instant expiresAt) {
        return Jwt.issuer(ISSUER).subject(staff).upn(staff).groups(Set.of("MANAGER"))
                .issuedAt(expiresAt.minusSeconds(3600).isBefore(Instant.now()) ? expiresAt.minusSeconds(3600) : Instant.now())
                .expiresAt(expiresAt).jws().sign(key);
    }

    private static JWTAuthContextInfo context() {
        JWTAuthContextInfo context = new JWTAuthContextInfo((RSAPublicKey) COMPANY.getPublic(), ISSUER);
        return context;
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
