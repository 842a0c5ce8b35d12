package ru.parus.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/** RS256 development keys and tokens: the local stack and the tests play the company's IdP. */
public final class DevKeys {
    public static final String ISSUER = "https://parus.local/dev-issuer";

    private final String privatePem;
    private final String publicPem;

    public DevKeys(String privatePem, String publicPem) {
        this.privatePem = privatePem;
        this.publicPem = publicPem;
    }

    public static DevKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new DevKeys(pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
                    pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the pair from {@code dir}, generating it there first if it is missing. */
    public static DevKeys inFolder(Path dir) {
        Path privateFile = dir.resolve("private.pem");
        Path publicFile = dir.resolve("public.pem");
        try {
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                DevKeys keys = generate();
                Files.createDirectories(dir);
                Files.writeString(privateFile, keys.privatePem);
                Files.writeString(publicFile, keys.publicPem);
            }
            return new DevKeys(Files.readString(privateFile), Files.readString(publicFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String publicPem() {
        return publicPem;
    }

    public String privatePem() {
        return privatePem;
    }

    /** A signed token whose {@code sub} is the staff member's id and whose groups are the roles. */
    public String token(String subject, Set<String> roles, Duration ttl) {
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .upn(subject)
                .groups(roles)
                .expiresIn(ttl)
                .jws().keyId("parus-dev")
                .sign(privateKey());
    }

    private PrivateKey privateKey() {
        String body = privatePem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("not an RSA private key in PKCS#8 PEM", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
