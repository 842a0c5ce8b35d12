package ru.parus.callcenter.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.callcenter.domain.CustomerProjection;
import ru.parus.callcenter.repository.CustomerPhoneRepository;
import ru.parus.callcenter.repository.CustomerProjectionRepository;

/** R18: the customers' phones from customer-events, to match a call to its customer by number. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CustomerPhones {
    @Inject
    CustomerPhoneRepository phoneRows;
    @Inject
    CustomerProjectionRepository customers;
    @Inject
    Clock clock;

    /** CustomerRegistered's main phone; kept unless a contacts list (CustomerContactsChanged) already replaced it. */
    public void registered(UUID customerId, String phone) {
        CustomerProjection c = customers.findById(customerId);
        if (phone == null || c != null && c.contactsVersion != null) {
            return;
        }
        phoneRows.add(customerId, phone);
    }

    /** CustomerContactsChanged carries the whole list; an older version than the one applied is ignored. */
    public void contactsChanged(UUID customerId, List<String> phones, long version) {
        CustomerProjection c = customers.lockOrCreate(customerId,
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        if (c.contactsVersion != null && c.contactsVersion >= version) {
            return;
        }
        c.contactsVersion = version;
        c.phone = phones.isEmpty() ? null : phones.get(0);
        c.updatedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        phoneRows.removeAll(customerId);
        for (String phone : phones) {
            phoneRows.add(customerId, phone);
        }
    }

    /** The one customer with this E.164 number (a merged customer counts as its survivor); null if none or several. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UUID match(String phone) {
        List<UUID> found = phoneRows.customersWith(phone);
        return found.size() == 1 ? found.get(0) : null;
    }
}
