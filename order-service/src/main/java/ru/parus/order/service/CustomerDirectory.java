package ru.parus.order.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.platform.phone.PhoneNumbers;
import ru.parus.order.domain.CustomerProjection;
import ru.parus.order.repository.CustomerProjectionRepository;

/** order-service's projection of customer-service's customers (CustomerRegistered), and buyer matching (R3). */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CustomerDirectory {
    @Inject
    CustomerProjectionRepository customers;
    @Inject
    PhoneNumbers phones;
    @Inject
    Clock clock;

    public record Registered(UUID customerId, String name, String phone, String email, String type) {
    }

    /** Applies CustomerRegistered: customer-service's data replace a provisional row of the same id. */
    public void registered(Registered r) {
        CustomerProjection found = customers.findById(r.customerId());
        CustomerProjection c = found != null ? found : new CustomerProjection();
        c.customerId = r.customerId();
        c.name = r.name();
        c.phone = phones.parse(r.phone()).orElse(r.phone());
        c.email = r.email();
        c.type = r.type();
        c.provisional = false;
        c.updatedAt = OffsetDateTime.now(clock);
        if (found == null) {
            customers.persist(c);
        }
    }

    /** Applies CustomerContactsChanged to a customer order-service knows: the main phone and e-mail (R3, R25). */
    public void contactsChanged(UUID customerId, String mainPhone, String mainEmail) {
        CustomerProjection c = customers.findById(customerId);
        if (c == null) {
            return; // CustomerRegistered brings the contacts of a customer not known yet
        }
        c.phone = mainPhone == null ? null : phones.parse(mainPhone).orElse(mainPhone);
        c.email = mainEmail;
        c.updatedAt = OffsetDateTime.now(clock);
    }

    /**
     * R25: the channels the customer allows, from CustomerConsentChanged; an older version than the one applied is
     * ignored (events of one customer can be redelivered out of order after a rebalance).
     */
    public void consentsChanged(UUID customerId, java.util.List<String> grantedChannels, long version) {
        customers.consents(customerId, grantedChannels, version, OffsetDateTime.now(clock));
    }

    /** R3: the customer with this phone (E.164), else with this e-mail. */
    public Optional<UUID> match(String e164Phone, String email) {
        Optional<CustomerProjection> found = e164Phone == null ? Optional.empty() : customers.byPhone(e164Phone);
        if (found.isEmpty() && email != null && !email.isBlank()) {
            found = customers.byEmail(email.trim());
        }
        return found.map(c -> c.customerId);
    }

    /** A buyer order-service introduces; kept provisional until customer-service registers them under the same id. */
    public UUID introduce(String name, String e164Phone, String email) {
        CustomerProjection c = new CustomerProjection();
        c.customerId = UUID.randomUUID();
        c.name = name;
        c.phone = e164Phone;
        c.email = email;
        c.provisional = true;
        c.updatedAt = OffsetDateTime.now(clock);
        customers.persist(c);
        return c.customerId;
    }
}
