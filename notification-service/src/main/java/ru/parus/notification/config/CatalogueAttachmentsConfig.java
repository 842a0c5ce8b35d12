package ru.parus.notification.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Managers' attachments from the catalogue (R21): a product's certificate, fetched from its URL when the message is
 * requested, and the price list. The total of a message's attachments is capped by
 * {@code parus.notification.max-attachment-bytes} as well.
 */
@ConfigMapping(prefix = "parus.notification.catalogue-attachments")
public interface CatalogueAttachmentsConfig {
    /** Connecting to the certificate's host. */
    @WithDefault("5s")
    Duration certificateConnectTimeout();

    /** The whole fetch of one certificate, body included; slower is a 502 to the manager and nothing is queued. */
    @WithDefault("20s")
    Duration certificateTimeout();

    /** The largest certificate document, in bytes; a larger one is refused (422) without reading it all. */
    @WithDefault("5242880")
    long maxCertificateBytes();

    /** The most catalogue attachments in one message. */
    @WithDefault("5")
    int maxCatalogueAttachments();
}
