package ru.parus.notification.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.notification.domain.CustomerReachability;
import ru.parus.notification.domain.MessageLog;
import ru.parus.notification.event.IncomingPayloads.Consent;
import ru.parus.notification.event.IncomingPayloads.CustomerConsentChanged;
import ru.parus.notification.event.IncomingPayloads.CustomerContactsChanged;
import ru.parus.notification.event.IncomingPayloads.CustomerErased;
import ru.parus.notification.event.IncomingPayloads.CustomersMerged;
import ru.parus.notification.event.IncomingPayloads.Messenger;
import ru.parus.notification.repository.CustomerReachabilityRepository;
import ru.parus.notification.repository.MessageLogRepository;
import ru.parus.notification.repository.OrderProjectionRepository;

/** R21 and R24: the projection of customers' consents, addresses and quiet hours, from customer-events. */
@ApplicationScoped
@Transactional
public class ReachabilityService {
    @Inject
    CustomerReachabilityRepository reachability;
    @Inject
    MessageLogRepository messages;
    @Inject
    NotificationService notifications;
    @Inject
    OrderProjectionRepository orders;
    @Inject
    Clock clock;

    /** R21: consents per channel, preference, quiet hours and addresses; a newer customer version supersedes. */
    public void consentChanged(CustomerConsentChanged e) {
        CustomerReachability r = findOrCreate(e.customerId());
        if (r.erasedAt != null) {
            return;
        }
        long version = e.version() == null ? 0 : e.version();
        if (version > r.consentVersion) {
            List<String> granted = (e.consents() == null ? List.<Consent>of() : e.consents()).stream()
                    .filter(Consent::granted).map(Consent::channel).distinct().toList();
            r.grantedChannels = notifications.json(granted);
            r.preferredChannel = e.preferredChannel();
            r.quietFrom = e.quietHours() == null ? null : e.quietHours().from();
            r.quietTo = e.quietHours() == null ? null : e.quietHours().to();
            r.timeZone = e.timeZone();
            r.consentVersion = version;
        }
        if (version > r.addressesVersion && e.addresses() != null) {
            r.addresses = notifications.json(e.addresses());
            r.addressesVersion = version;
        }
        r.updatedAt = now();
    }

    /** R21: the main phone and e-mail and the messenger handles, when newer than what the projection holds. */
    public void contactsChanged(CustomerContactsChanged e) {
        CustomerReachability r = findOrCreate(e.customerId());
        long version = e.version() == null ? 0 : e.version();
        if (r.erasedAt != null || version <= r.addressesVersion) {
            return;
        }
        Map<String, String> addresses = new LinkedHashMap<>();
        if (e.phones() != null && !e.phones().isEmpty()) {
            addresses.put("SMS", e.phones().get(0));
        }
        if (e.emails() != null && !e.emails().isEmpty()) {
            addresses.put("EMAIL", e.emails().get(0));
        }
        for (Messenger m : e.messengers() == null ? List.<Messenger>of() : e.messengers()) {
            addresses.putIfAbsent(m.network(), m.handle());
        }
        r.addresses = notifications.json(addresses);
        r.addressesVersion = version;
        r.updatedAt = now();
    }

    /** R24: the customer's owner manager, as the latest customer event carrying ownerManagerId says (null: nobody). */
    public void ownerNamed(UUID customerId, String ownerManagerId) {
        CustomerReachability r = findOrCreate(customerId);
        r.ownerManagerId = ownerManagerId;
        r.updatedAt = now();
    }

    /** The merged id now means the survivor: sends follow it, the message history moves to it. */
    public void merged(CustomersMerged e) {
        CustomerReachability merged = findOrCreate(e.mergedCustomerId());
        merged.mergedInto = e.survivingCustomerId();
        merged.updatedAt = now();
        findOrCreate(e.survivingCustomerId());
        messages.moveToCustomer(e.mergedCustomerId(), e.survivingCustomerId());
        orders.moveToCustomer(e.mergedCustomerId(), e.survivingCustomerId());
    }

    /**
     * R24: the customer's personal data are erased here too: the projection forgets consents, addresses and zone,
     * stored messages lose body, subject, address, parameters and attachments, and their status history the providers'
     * and retries' details (a provider's error may quote the address or the text); unsent ones are not sent.
     * Ids, kinds, statuses and times stay (the log of what happened).
     */
    public void erased(CustomerErased e) {
        CustomerReachability r = findOrCreate(e.customerId());
        r.grantedChannels = "[]";
        r.preferredChannel = null;
        r.quietFrom = null;
        r.quietTo = null;
        r.timeZone = null;
        r.addresses = "{}";
        r.erasedAt = e.erasedAt() == null ? now() : e.erasedAt();
        r.updatedAt = now();
        for (MessageLog m : messages.unsentOfCustomer(e.customerId())) {
            notifications.skip(m, NotificationService.CUSTOMER_ERASED);
        }
        messages.erasePersonalData(e.customerId());
        orders.forgetDeliveryAddresses(e.customerId());
    }

    private CustomerReachability findOrCreate(UUID customerId) {
        CustomerReachability r = reachability.findById(customerId);
        if (r == null) {
            r = new CustomerReachability();
            r.customerId = customerId;
            r.updatedAt = now();
            reachability.persist(r);
        }
        return r;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
