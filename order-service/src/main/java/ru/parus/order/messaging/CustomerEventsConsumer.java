package ru.parus.order.messaging;

import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ru.parus.order.event.incoming.CustomerEvents;
import ru.parus.order.event.incoming.CustomerEvents.CustomerConsentChanged;
import ru.parus.order.event.incoming.CustomerEvents.CustomerContactsChanged;
import ru.parus.order.event.incoming.CustomerEvents.CustomerErased;
import ru.parus.order.event.incoming.CustomerEvents.CustomerRegistered;
import ru.parus.order.event.incoming.CustomerEvents.CustomerUpdated;
import ru.parus.order.event.incoming.CustomerEvents.CustomersMerged;
import ru.parus.order.event.incoming.CustomerEvents.OwnerNamed;
import ru.parus.order.service.CustomerDirectory;
import ru.parus.order.service.CustomerErasure;
import ru.parus.platform.access.AccessProjection;
import ru.parus.platform.consumer.EventConsumer;
import ru.parus.platform.events.EventDispatcher;
import ru.parus.platform.events.EventHandlers;
import ru.parus.platform.events.IncomingEvent;

/**
 * Reads {@code customer-events}: CustomerRegistered into order-service's customer projection (R3); who owns a customer
 * (every event that names the owner) and merges into the access projection the one access policy decides on (R22,
 * R24); CustomerErased blanks the customer's personal data in orders and the projection (R24, {@link CustomerErasure});
 * CustomerConsentChanged keeps which channels the customer allows (R25: no replenishment without one).
 * Each event once, other types ignored (and CustomerUpdated unless it changed the owner), poison to the dead-letter
 * topic.
 */
@ApplicationScoped
public class CustomerEventsConsumer implements EventConsumer {
    static final String CONSUMER = "order-service.customer-events";

    @Inject
    EventDispatcher dispatcher;
    @Inject
    CustomerDirectory customers;
    @Inject
    AccessProjection access;
    @Inject
    CustomerErasure erasure;

    private EventHandlers handlers;

    @PostConstruct
    void routes() {
        handlers = dispatcher.handlers(CONSUMER)
                .on(CustomersMerged.TYPE, CustomersMerged.class, (m, event) ->
                        access.merged(m.mergedCustomerId(), m.survivingCustomerId())) // R24: orders follow the survivor's owner
                .on(CustomerErased.TYPE, CustomerErased.class, (e, event) -> erasure.erase(e.customerId())) // R24, R25
                .on(CustomerConsentChanged.TYPE, CustomerConsentChanged.class, (c, event) ->
                        customers.consentsChanged(c.customerId(), c.granted(), c.version())) // R25
                .on(CustomerContactsChanged.TYPE, CustomerContactsChanged.class, (c, event) ->
                        customers.contactsChanged(c.customerId(), c.mainPhone(), c.mainEmail())) // R3, R25
                .on(CustomerRegistered.TYPE, CustomerRegistered.class, (r, event) -> {
                    customers.registered(new CustomerDirectory.Registered(r.customerId(), r.name(), r.phone(),
                            r.email(), r.type())); // R3
                    ownerNamed(r.customerId(), r.ownerManagerId(), event);
                })
                .on(CustomerUpdated.TYPE, CustomerUpdated.class, CustomerUpdated::ownerChanged,
                        (u, event) -> ownerNamed(u.customerId(), u.ownerManagerId(), event))
                .on(OwnerNamed.DORMANT, OwnerNamed.class, (o, event) -> ownerNamed(o.customerId(), o.ownerManagerId(), event))
                .on(OwnerNamed.REACTIVATED, OwnerNamed.class,
                        (o, event) -> ownerNamed(o.customerId(), o.ownerManagerId(), event));
    }

    @Override
    public EventHandlers handlers() {
        return handlers;
    }

    /**
     * R22, R24: the event names the owner when it carries an ownerManagerId member; null or blank: nobody owns the
     * customer now. An event without the member leaves the owner as it was.
     */
    private void ownerNamed(UUID customerId, String owner, IncomingEvent event) {
        if (event.data().has(CustomerEvents.OWNER)) {
            access.ownerNamed(customerId, owner);
        }
    }
}
