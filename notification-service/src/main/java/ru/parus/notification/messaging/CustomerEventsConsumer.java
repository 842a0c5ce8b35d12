package ru.parus.notification.messaging;

import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ru.parus.notification.event.IncomingPayloads.CustomerConsentChanged;
import ru.parus.notification.event.IncomingPayloads.CustomerContactsChanged;
import ru.parus.notification.event.IncomingPayloads.CustomerErased;
import ru.parus.notification.event.IncomingPayloads.CustomersMerged;
import ru.parus.notification.event.IncomingPayloads.OwnerNamed;
import ru.parus.notification.event.NotificationEvents;
import ru.parus.notification.service.ReachabilityService;
import ru.parus.platform.consumer.EventConsumer;
import ru.parus.platform.events.EventDispatcher;
import ru.parus.platform.events.EventHandlers;
import ru.parus.platform.events.IncomingEvent;

/**
 * Reads {@code customer-events} for consents, addresses, merges and erasure (R21) and for the customer's owner (R24);
 * each event once (inbox). The four typed routes come first; per docs/events none of those types carries
 * {@code ownerManagerId}, so an event is either one of them or, if it names an owner, an {@link OwnerNamed}.
 */
@ApplicationScoped
public class CustomerEventsConsumer implements EventConsumer {
    static final String CONSUMER = "notification-service.customer-events";

    @Inject
    EventDispatcher dispatcher;
    @Inject
    ReachabilityService reachability;

    private EventHandlers handlers;

    @PostConstruct
    void routes() {
        handlers = dispatcher.handlers(CONSUMER)
                .on(NotificationEvents.CUSTOMER_CONSENT_CHANGED, CustomerConsentChanged.class,
                        (changed, event) -> reachability.consentChanged(changed))
                .on(NotificationEvents.CUSTOMER_CONTACTS_CHANGED, CustomerContactsChanged.class,
                        (changed, event) -> reachability.contactsChanged(changed))
                .on(NotificationEvents.CUSTOMERS_MERGED, CustomersMerged.class,
                        (merged, event) -> reachability.merged(merged))
                .on(NotificationEvents.CUSTOMER_ERASED, CustomerErased.class,
                        (erased, event) -> reachability.erased(erased))
                .onAny(this::ownerNamed, (named, event) -> reachability.ownerNamed(named.customerId(), named.owner()));
    }

    /**
     * R24: any customer event that carries {@code ownerManagerId} (CustomerRegistered, CustomerUpdated, ...) and a
     * customer id names the owner; a null or blank owner means nobody.
     */
    private Optional<OwnerNamed> ownerNamed(IncomingEvent event) {
        if (!event.data().has("ownerManagerId") || !event.data().hasNonNull("customerId")) {
            return Optional.empty();
        }
        return Optional.of(handlers.read(event, OwnerNamed.class));
    }

    @Override
    public EventHandlers handlers() {
        return handlers;
    }
}
