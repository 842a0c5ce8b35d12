package ru.parus.infra.stack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import ru.parus.infra.DevKeys;

/**
 * Prints a development JWT signed with the local stack's key pair ({@code <root>/.parus/keys},
 * generated on first use), so that anyone can call the services' APIs at once.
 *
 * <pre>
 * TokenMain --role HEAD [--role MANAGER ...] [--sub head-1] [--ttl 12h] [--keys DIR] [--root DIR]
 * TokenMain --init        only make sure the key pair exists; prints the public key's path
 * </pre>
 * Roles may also be given comma-separated ({@code --role MANAGER,HEAD}).
 *
 * <p>The token has the claims of {@link DevKeys#token}: issuer {@link DevKeys#ISSUER}, {@code sub} and
 * {@code upn} the staff member's id, {@code groups} the roles, {@code iat}, {@code exp}, {@code jti}, key id
 * {@code parus-dev}.
 */
public final class TokenMain {
    public static final List<String> ROLES = List.of("MANAGER", "HEAD", "DIRECTOR", "WAREHOUSE", "ADMIN");
    static final Duration DEFAULT_TTL = Duration.ofHours(12);

    private TokenMain() {
    }

    public static void main(String[] args) {
        try {
            System.out.println(run(args));
        } catch (IllegalArgumentException e) {
            System.err.println("token: " + e.getMessage());
            System.err.println("usage: token --role " + String.join("|", ROLES)
                    + " [--role ...] [--sub SUB] [--ttl 12h|30m|PT2H] [--keys DIR]");
            System.exit(2);
        }
    }

    static String run(String[] args) {
        Set<String> roles = new LinkedHashSet<>();
        String subject = null;
        Duration ttl = DEFAULT_TTL;
        Path root = Path.of(System.getProperty("parus.root", ""));
        Path keys = null;
        boolean initOnly = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--role", "-r" -> {
                    for (String role : value(args, ++i, arg).split(",")) {
                        String r = role.trim().toUpperCase(Locale.ROOT);
                        if (!ROLES.contains(r)) {
                            throw new IllegalArgumentException("unknown role " + role + "; one of " + ROLES);
                        }
                        roles.add(r);
                    }
                }
                case "--sub", "-s" -> subject = value(args, ++i, arg);
                case "--ttl" -> ttl = duration(value(args, ++i, arg));
                case "--keys" -> keys = Path.of(value(args, ++i, arg));
                case "--root" -> root = Path.of(value(args, ++i, arg));
                case "--init" -> initOnly = true;
                default -> throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        Path keyDir = (keys != null ? keys : root.resolve(".parus").resolve("keys")).toAbsolutePath().normalize();
        DevKeys devKeys = DevKeys.inFolder(keyDir);
        if (initOnly) {
            return keyDir.resolve("public.pem").toString();
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("give at least one --role");
        }
        if (subject == null) {
            subject = roles.iterator().next().toLowerCase(Locale.ROOT) + "-1";
        }
        return devKeys.token(subject, roles, ttl);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    /** {@code 12h}, {@code 30m}, {@code 90s}, {@code 7d} or an ISO-8601 duration such as {@code PT12H}. */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return positive(Duration.parse(t.toUpperCase(Locale.ROOT)), text);
            }
            long amount = Long.parseLong(t.substring(0, t.length() - 1));
            return positive(switch (t.charAt(t.length() - 1)) {
                case 'd' -> Duration.ofDays(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 's' -> Duration.ofSeconds(amount);
                default -> throw new IllegalArgumentException("not a duration: " + text);
            }, text);
        } catch (DateTimeParseException | NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("not a duration: " + text + " (e.g. 12h, 30m, PT2H)");
        }
    }

    private static Duration positive(Duration d, String text) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("not a positive duration: " + text);
        }
        return d;
    }
}
