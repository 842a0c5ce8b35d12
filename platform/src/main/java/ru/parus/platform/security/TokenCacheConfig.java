package ru.parus.platform.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@link VerifiedTokens}: how many verified bearer tokens a service remembers, and for how long at most. */
@ConfigMapping(prefix = "parus.security.token-cache")
public interface TokenCacheConfig {
    /** Off: every request verifies its token's signature and claims again (the library's own behaviour). */
    @WithDefault("true")
    boolean enabled();

    /** Tokens remembered at once; the least recently used go first. A manager's screen sends one token for hours. */
    @WithDefault("10000")
    int maxEntries();

    /**
     * A remembered token is verified again after this long even when it expires later, so that a key rotation or a
     * change of the verification settings reaches tokens already seen within about this long.
     */
    @WithDefault("5m")
    Duration maxAge();
}
