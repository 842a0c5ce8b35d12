package ru.parus.platform.consumer;

import ru.parus.platform.events.EventHandlers;

/**
 * A bean that reads one topic (or, while a topic is renamed, two) of the service's {@code events} channel:
 * {@link EventChannel} gives each record to the handlers of its topic ({@link EventHandlers#topics()}).
 */
public interface EventConsumer {
    EventHandlers handlers();
}
