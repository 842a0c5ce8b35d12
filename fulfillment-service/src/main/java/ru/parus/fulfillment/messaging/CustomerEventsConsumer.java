package ru.parus.fulfillment.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ru.parus.fulfillment.event.CustomerEvents.CustomerErased;
import ru.parus.fulfillment.event.CustomerEvents.CustomerRegistered;
import ru.parus.fulfillment.event.CustomerEvents.CustomerStatusChanged;
import ru.parus.fulfillment.event.CustomerEvents.CustomerUpdated;
import ru.parus.fulfillment.event.CustomerEvents.CustomersMerged;
import ru.parus.fulfillment.event.FulfillmentEvents;
import ru.parus.fulfillment.service.CustomerErasure;
import ru.parus.platform.access.AccessProjection;
import ru.parus.platform.consumer.EventConsumer;
import ru.parus.platform.events.EventDispatcher;
import ru.parus.platform.events.EventHandlers;

/**
 * Reads {@code customer-events} into the access projection (R22, R24): who owns a customer decides which manager reads
 * its shipments. Every event that names the owner (CustomerRegistered always; CustomerUpdated whose changedFields lists
 * ownerManagerId, which must then be present, else the event is poison; CustomerDormant and CustomerReactivated when
 * they carry it) and CustomersMerged; and CustomerErased (R24), which blanks the customer's personal data in shipments
 * ({@link CustomerErasure}). Each once (inbox); other types, and those that name no owner, are ignored (not recorded);
 * a record that is not a readable event of these types goes to the dead-letter topic.
 */
@ApplicationScoped
public class CustomerEventsConsumer implements EventConsumer {
    static final String CONSUMER = "fulfillment-service.customer-events";

    @Inject
    EventDispatcher dispatcher;
    @Inject
    AccessProjection access;
    @Inject
    CustomerErasure erasure;

    private EventHandlers handlers;

    @PostConstruct
    void routes() {
        handlers = dispatcher.handlers(CONSUMER)
                .on(FulfillmentEvents.CUSTOMERS_MERGED, CustomersMerged.class,
                        (m, event) -> access.merged(m.mergedCustomerId(), m.survivingCustomerId()))
                .on(FulfillmentEvents.CUSTOMER_ERASED, CustomerErased.class,
                        (e, event) -> erasure.erase(e.customerId(), e.erasedAt())) // R24
                // R24: a registration always names the owner (no member: nobody)
                .on(FulfillmentEvents.CUSTOMER_REGISTERED, CustomerRegistered.class,
                        (r, event) -> access.ownerNamed(r.customerId(), r.ownerManagerId()))
                // R24: an update only when its changedFields lists the owner (whose member it must then carry)
                .on(FulfillmentEvents.CUSTOMER_UPDATED, CustomerUpdated.class, CustomerUpdated::namesOwner,
                        (u, event) -> access.ownerNamed(u.customerId(), u.owner()))
                .on(FulfillmentEvents.CUSTOMER_DORMANT, CustomerStatusChanged.class, CustomerStatusChanged::namesOwner,
                        (d, event) -> access.ownerNamed(d.customerId(), d.owner()))
                .on(FulfillmentEvents.CUSTOMER_REACTIVATED, CustomerStatusChanged.class,
                        CustomerStatusChanged::namesOwner, (r, event) -> access.ownerNamed(r.customerId(), r.owner()));
    }

    @Override
    public EventHandlers handlers() {
        return handlers;
    }
}
