package ru.parus.notification.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import ru.parus.notification.service.channel.ChannelKind;

/** The sending rules' settings (R21, R13, R15); each default is the rule's value. */
@ConfigMapping(prefix = "parus.notification")
public interface NotificationConfig {
    /** R21: after the customer's preferred channel, the next consented channel with an address, in this order. */
    @WithDefault("EMAIL,SMS,TELEGRAM,WHATSAPP,VK")
    List<ChannelKind> channelOrder();

    /** R21: quiet hours are read in this zone when the customer has none. */
    @WithDefault("Europe/Moscow")
    String defaultTimeZone();

    /** Provider attempts before a temporarily failing message is marked FAILED. */
    @WithDefault("5")
    int maxAttempts();

    /** Backoff after the first temporary failure; doubled after each further one, up to {@link #maxBackoff()}. */
    @WithDefault("30s")
    Duration initialBackoff();

    @WithDefault("1h")
    Duration maxBackoff();

    /** A row SENDING for longer than this was left by a crash mid-send; it is queued again with the same id. */
    @WithDefault("5m")
    Duration sendingStaleAfter();

    /**
     * How often the dispatcher looks for due messages (read by its @Scheduled as well). A message due at once is sent
     * right after the commit that queued it; this poll is for those due later and for a lost wake-up.
     */
    @WithDefault("5s")
    Duration dispatchEvery();

    /** Rows one dispatcher run claims. */
    @WithDefault("50")
    int dispatchBatch();

    /** The largest total size of a message's attachments, in bytes (decoded). */
    @WithDefault("5242880")
    int maxAttachmentBytes();

    @WithDefault("10")
    int maxAttachments();

    /** Free text and parameters of a manager's message, in characters. */
    @WithDefault("4000")
    int maxTextLength();

    /** R11: the most customers one campaign request may list (without a list: all consented customers). */
    @WithDefault("1000")
    int campaignMaxCustomers();
}
