package ru.parus.notification.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The providers behind the SMS and messenger channels (R21). Each channel has a {@code provider}: a real one
 * ({@code smsc}, {@code bot}) or {@code log}, a sink that only logs the message id, so that the local stack
 * and tests need no provider account. Credentials are never given defaults: a real provider without them
 * stops the service at start-up.
 */
@ConfigMapping(prefix = "parus.notification.channels")
public interface ChannelsConfig {
    Sms sms();

    Telegram telegram();

    interface Sms {
        /** {@code smsc} (SMSC.ru's HTTP API) or {@code log}. */
        @WithDefault("log")
        String provider();

        Smsc smsc();
    }

    /** SMSC.ru, https://smsc.ru/api/http/ (send.php and status callbacks). */
    interface Smsc {
        /** The API host; {@code https://www2.smsc.ru} is SMSC's documented reserve server. */
        @WithDefault("https://smsc.ru")
        String baseUrl();

        Optional<String> login();

        Optional<String> password();

        /** A sender name registered with SMSC; without one SMSC uses the account's default. */
        Optional<String> sender();

        @WithDefault("5s")
        Duration connectTimeout();

        /** The whole request, answer included; a slower answer is a temporary failure, retried later. */
        @WithDefault("15s")
        Duration requestTimeout();

        /**
         * The shared secret SMSC's status callback URL carries as {@code ?secret=}; without one configured every
         * callback is refused.
         */
        Optional<String> callbackSecret();
    }

    interface Telegram {
        /** {@code bot} (the Telegram Bot API) or {@code log}. */
        @WithDefault("log")
        String provider();

        @WithDefault("https://api.telegram.org")
        String baseUrl();

        Optional<String> botToken();

        @WithDefault("5s")
        Duration connectTimeout();

        /** One API call; documents are uploaded in one call each. */
        @WithDefault("30s")
        Duration requestTimeout();
    }
}
