package ru.parus.infra.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.parus.infra.DevKeys;

class TokenMainTest {

    @Test
    void signsATokenThatTheServicesAccept(@TempDir Path root) throws Exception {
        String token = TokenMain.run(new String[] {"--root", root.toString(), "--role", "head,MANAGER", "--sub",
                "head-\"1\"", "--ttl", "2h"});

        JwtClaims claims = new JwtConsumerBuilder()
                .setVerificationKey(publicKey(Files.readString(root.resolve(".parus/keys/public.pem"))))
                .setExpectedIssuer(DevKeys.ISSUER)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireJwtId()
                .build()
                .processToClaims(token);
        assertEquals("head-\"1\"", claims.getSubject());
        assertEquals("head-\"1\"", claims.getStringClaimValue("upn"));
        assertEquals(List.of("HEAD", "MANAGER"), claims.getStringListClaimValue("groups"));
        assertEquals(Duration.ofHours(2).toSeconds(),
                claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());
        assertTrue(new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))))
                .contains("\"alg\":\"RS256\""));
    }

    @Test
    void keepsTheKeyPairAndDefaultsTheSubjectAndTtl(@TempDir Path root) throws Exception {
        String publicKeyPath = TokenMain.run(new String[] {"--root", root.toString(), "--init"});
        String before = Files.readString(Path.of(publicKeyPath));
        String token = TokenMain.run(new String[] {"--root", root.toString(), "--role", "WAREHOUSE"});
        assertEquals(before, Files.readString(Path.of(publicKeyPath)));

        JwtClaims claims = new JwtConsumerBuilder().setVerificationKey(publicKey(before)).build().processToClaims(token);
        assertEquals("warehouse-1", claims.getSubject());
        assertEquals(Duration.ofHours(12).toSeconds(),
                claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());
    }

    @Test
    void rejectsUnknownRolesAndBadDurations(@TempDir Path root) {
        assertThrows(IllegalArgumentException.class,
                () -> TokenMain.run(new String[] {"--root", root.toString(), "--role", "CEO"}));
        assertThrows(IllegalArgumentException.class,
                () -> TokenMain.run(new String[] {"--root", root.toString(), "--role", "HEAD", "--ttl", "soon"}));
        assertEquals(Duration.ofMinutes(30), TokenMain.duration("30m"));
        assertEquals(Duration.ofDays(7), TokenMain.duration("7d"));
        assertEquals(Duration.ofHours(2), TokenMain.duration("PT2H"));
    }

    private static PublicKey publicKey(String pem) throws Exception {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
    }
}
