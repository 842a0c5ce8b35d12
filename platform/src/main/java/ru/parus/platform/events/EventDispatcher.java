package ru.parus.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.ObjectMapper;

import ru.parus.platform.inbox.Inbox;

/** Makes a consumer's {@link EventHandlers}, with the service's JSON mapper, validator and inbox. */
@ApplicationScoped
public class EventDispatcher {
    @Inject
    ObjectMapper mapper;
    @Inject
    Validator validator;
    @Inject
    Inbox inbox;

    /** @param consumer the inbox's consumer name: {@code <service>.<topic>} */
    public EventHandlers handlers(String consumer) {
        return new EventHandlers(consumer, mapper, validator, inbox::firstDelivery);
    }
}
