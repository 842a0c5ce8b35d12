package ru.parus.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;

/** For the ops dashboard: messages by channel and final status ({@code parus_notification_messages_total}). */
@ApplicationScoped
public class MessageMetrics {
    @Inject
    MeterRegistry registry;

    public void finished(String channel, String status) {
        registry.counter("parus.notification.messages", "channel", channel == null ? "NONE" : channel,
                "status", status).increment();
    }
}
