package ru.parus.callcenter.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ru.parus.callcenter.event.incoming.CustomerEvents.CustomerConsentChanged;
import ru.parus.callcenter.event.incoming.CustomerEvents.CustomerContactsChanged;
import ru.parus.callcenter.event.incoming.CustomerEvents.CustomerDormant;
import ru.parus.callcenter.event.incoming.CustomerEvents.CustomerErased;
import ru.parus.callcenter.event.incoming.CustomerEvents.CustomerReactivated;
import ru.parus.callcenter.event.incoming.CustomerEvents.CustomerRegistered;
import ru.parus.callcenter.event.incoming.CustomerEvents.CustomersMerged;
import ru.parus.callcenter.service.BestHours;
import ru.parus.callcenter.service.CustomerErasure;
import ru.parus.callcenter.service.ReplenishmentTasks;
import ru.parus.callcenter.service.CustomerProfiles;
import ru.parus.callcenter.service.TaskQueue;
import ru.parus.platform.consumer.EventConsumer;
import ru.parus.platform.events.EventDispatcher;
import ru.parus.platform.events.EventHandlers;

/** Reads {@code customer-events}: the customer projection, and R14's reactivation calls. Each event once (inbox). */
@ApplicationScoped
public class CustomerEventsConsumer implements EventConsumer {
    static final String CONSUMER = "callcenter-service.customer-events";

    @Inject
    EventDispatcher dispatcher;
    @Inject
    TaskQueue queue;
    @Inject
    CustomerProfiles profiles;
    @Inject
    CustomerErasure erasure;
    @Inject
    ReplenishmentTasks replenishments;
    @Inject
    BestHours bestHours;

    private EventHandlers handlers;

    @PostConstruct
    void routes() {
        handlers = dispatcher.handlers(CONSUMER)
                .on(CustomerRegistered.TYPE, CustomerRegistered.class, (registered, event) -> {
                    queue.customerRegistered(registered.customerId(), registered.name(), registered.phone(),
                            registered.ownerManagerId());
                    profiles.registered(registered.customerId(), registered.type()); // R16 selectors
                })
                .on(CustomersMerged.TYPE, CustomersMerged.class, (merged, event) -> {
                    queue.customersMerged(merged.survivingCustomerId(), merged.mergedCustomerId());
                    bestHours.merged(merged.survivingCustomerId(), merged.mergedCustomerId()); // issue 17
                })
                .on(CustomerDormant.TYPE, CustomerDormant.class, (dormant, event) -> {
                    queue.customerDormant(dormant.customerId(), dormant.episode(), dormant.ownerManagerId(), event.id());
                    profiles.dormant(dormant.customerId(), dormant.customerType(), dormant.lastOrder()); // R16
                })
                .on(CustomerReactivated.TYPE, CustomerReactivated.class, (reactivated, event) -> {
                    queue.customerReactivated(reactivated.customerId(), event.id());
                    profiles.reactivated(reactivated.customerId(), reactivated.orderPlaced()); // R16 selectors
                })
                // R18: the phones calls are matched by
                .on(CustomerContactsChanged.TYPE, CustomerContactsChanged.class, (changed, event) ->
                        queue.customerContactsChanged(changed.customerId(), changed.phones(), changed.version()))
                // R21 (issue 17): the time zone and quiet hours the best hour to call is read in
                .on(CustomerConsentChanged.TYPE, CustomerConsentChanged.class, (changed, event) ->
                        profiles.preferencesChanged(changed.customerId(), changed.zone(),
                                changed.quietHours() == null ? null : changed.quietHours().callingHours(),
                                changed.version()))
                .on(CustomerErased.TYPE, CustomerErased.class, (erased, event) -> {
                    erasure.erase(erased.customerId()); // R24
                    replenishments.customerErased(erased.customerId(), event.id()); // R25: no replenishment call
                });
    }

    @Override
    public EventHandlers handlers() {
        return handlers;
    }
}
