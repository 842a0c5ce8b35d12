package ru.parus.customer.service;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import ru.parus.customer.domain.Channel;
import ru.parus.customer.domain.ConsentMethod;
import ru.parus.customer.domain.Customer;
import ru.parus.customer.domain.CustomerConsent;
import ru.parus.customer.domain.CustomerContact;
import ru.parus.customer.event.CustomerConsentChanged;
import ru.parus.customer.event.CustomerContactsChanged;
import ru.parus.customer.event.CustomerEvents;
import ru.parus.customer.repository.ContactRepository;
import ru.parus.platform.phone.PhoneNumbers;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;
import ru.parus.platform.security.CurrentStaff;

/**
 * R21: a customer's phones, e-mails and messenger handles, their consent per channel, the preferred
 * channel and quiet hours. Every change is optimistic (the caller's If-Match must be the current
 * version) and announced with the whole picture, so notification-service never needs to call back.
 */
@ApplicationScoped
@Transactional
public class ContactService {
    public static final List<String> MESSENGERS = List.of("TELEGRAM", "WHATSAPP", "VK");

    @Inject
    CustomerService customers;
    @Inject
    PhoneNumbers phones;
    @Inject
    EntityManager em;
    @Inject
    ContactRepository contactRows;
    @Inject
    Timeline timeline;
    @Inject
    Clock clock;

    public record Messenger(String network, String handle) {
    }

    public record Contacts(List<String> phones, List<String> emails, List<Messenger> messengers) {
    }

    public record ConsentChange(Channel channel, Boolean granted, ConsentMethod method) {
    }

    public record QuietHours(LocalTime from, LocalTime to) {
    }

    public record Preferences(List<ConsentChange> consents, Channel preferredChannel, QuietHours quietHours,
            String timeZone) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Contacts contacts(UUID customerId) {
        List<CustomerContact> rows = contactRows.contactsOf(customerId);
        List<String> phoneList = new ArrayList<>();
        List<String> emailList = new ArrayList<>();
        List<Messenger> messengers = new ArrayList<>();
        for (CustomerContact c : rows) {
            switch (c.kind) {
                case CustomerContact.PHONE -> phoneList.add(c.value);
                case CustomerContact.EMAIL -> emailList.add(c.value);
                default -> messengers.add(new Messenger(c.kind, c.value));
            }
        }
        return new Contacts(phoneList, emailList, messengers);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CustomerConsent> consents(UUID customerId) {
        return contactRows.consentsOf(customerId).stream()
                .sorted(java.util.Comparator.comparing((CustomerConsent c) -> c.channel)) // SMS, EMAIL, TELEGRAM, ...
                .toList();
    }

    /** R21: replaces the contact list; the first phone and e-mail become the main ones. */
    public Customer replaceContacts(UUID id, long expectedVersion, Contacts request, CurrentStaff staff) {
        Customer customer = lockForChange(id, expectedVersion, staff);
        Set<String> phoneSet = new LinkedHashSet<>();
        List<String> requestedPhones = request.phones() == null ? List.of() : request.phones();
        for (int i = 0; i < requestedPhones.size(); i++) {
            if (requestedPhones.get(i) == null) {
                throw ProblemException.invalidField("phones[" + i + "]", "must not be null");
            }
            phoneSet.add(phones.normalize("phones[" + i + "]", requestedPhones.get(i)));
        }
        Set<String> emailSet = new LinkedHashSet<>();
        List<String> requestedEmails = request.emails() == null ? List.of() : request.emails();
        for (int i = 0; i < requestedEmails.size(); i++) {
            String e = requestedEmails.get(i);
            if (e == null || !e.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || e.length() > 254) {
                throw ProblemException.invalidField("emails[" + i + "]", "not an e-mail address");
            }
            emailSet.add(e.strip().toLowerCase());
        }
        Set<Messenger> messengerSet = new LinkedHashSet<>();
        List<Messenger> requestedMessengers = request.messengers() == null ? List.of() : request.messengers();
        for (int i = 0; i < requestedMessengers.size(); i++) {
            Messenger m = requestedMessengers.get(i);
            if (m == null || m.network() == null || !MESSENGERS.contains(m.network())) {
                throw ProblemException.invalidField("messengers[" + i + "].network", "must be one of " + MESSENGERS)
                        .with("allowedNetworks", MESSENGERS);
            }
            if (m.handle() == null || m.handle().isBlank() || m.handle().length() > 254) {
                throw ProblemException.invalidField("messengers[" + i + "].handle", "must not be blank");
            }
            messengerSet.add(new Messenger(m.network(), m.handle().strip()));
        }
        if (phoneSet.isEmpty() && emailSet.isEmpty() && messengerSet.isEmpty()) {
            throw ProblemException.invalidField("phones", "a customer needs at least one contact");
        }
        contactRows.deleteContactsOf(id);
        int p = 0;
        for (String phone : phoneSet) {
            em.persist(CustomerContact.of(id, CustomerContact.PHONE, phone, p++));
        }
        p = 0;
        for (String email : emailSet) {
            em.persist(CustomerContact.of(id, CustomerContact.EMAIL, email, p++));
        }
        Map<String, Integer> positions = new LinkedHashMap<>();
        for (Messenger m : messengerSet) {
            int position = positions.merge(m.network(), 1, Integer::sum) - 1;
            em.persist(CustomerContact.of(id, m.network(), m.handle(), position));
        }
        customer.phone = phoneSet.stream().findFirst().orElse(null);
        customer.email = emailSet.stream().findFirst().orElse(null);
        long version = bump(customer);
        timeline.publish(id, CustomerEvents.CONTACTS_CHANGED,
                new CustomerContactsChanged(id, List.copyOf(phoneSet), List.copyOf(emailSet),
                        messengerSet.stream().map(m -> new CustomerContactsChanged.Messenger(m.network(), m.handle()))
                                .toList(),
                        OffsetDateTime.now(clock), staff.id(), version));
        return customer;
    }

    /** R21: consent given or withdrawn per channel (when, how, by whom), preferred channel, quiet hours. */
    public Customer changePreferences(UUID id, long expectedVersion, Preferences request, CurrentStaff staff) {
        Customer customer = lockForChange(id, expectedVersion, staff);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<Channel, CustomerConsent> current = new EnumMap<>(Channel.class);
        consents(id).forEach(c -> current.put(c.channel, c));
        List<ConsentChange> changes = request.consents() == null ? List.of() : request.consents();
        Set<Channel> seen = new LinkedHashSet<>();
        for (int i = 0; i < changes.size(); i++) {
            ConsentChange change = changes.get(i);
            if (change == null || change.channel() == null) {
                throw ProblemException.invalidField("consents[" + i + "].channel", "required: one of SMS, EMAIL, TELEGRAM, WHATSAPP, VK");
            }
            if (change.granted() == null) {
                throw ProblemException.invalidField("consents[" + i + "].granted", "required: true or false");
            }
            if (change.method() == null) {
                throw ProblemException.invalidField("consents[" + i + "].method", "required: CALL, STOREFRONT or WRITTEN");
            }
            if (!seen.add(change.channel())) {
                throw ProblemException.invalidField("consents[" + i + "].channel", "given twice");
            }
            CustomerConsent consent = current.get(change.channel());
            boolean fresh = consent == null;
            if (fresh) {
                consent = new CustomerConsent();
                consent.customerId = id;
                consent.channel = change.channel();
                current.put(change.channel(), consent);
            }
            consent.granted = change.granted();
            consent.method = change.method();
            consent.changedAt = now;
            consent.changedBy = staff.id();
            if (fresh) {
                em.persist(consent);
            }
        }
        if (request.timeZone() != null) {
            try {
                customer.timeZone = ZoneId.of(request.timeZone()).getId();
            } catch (DateTimeException e) {
                throw ProblemException.invalidField("timeZone", "not an IANA time zone, e.g. Europe/Moscow");
            }
        }
        if (request.quietHours() != null) {
            if (request.quietHours().from() == null || request.quietHours().to() == null) {
                throw ProblemException.invalidField("quietHours", "needs both from and to (HH:mm)");
            }
            if (customer.timeZone == null) {
                throw ProblemException.invalidField("timeZone", "quiet hours need the customer's time zone");
            }
            customer.quietFrom = request.quietHours().from();
            customer.quietTo = request.quietHours().to();
        }
        if (request.preferredChannel() != null) {
            customer.preferredChannel = request.preferredChannel();
        }
        // R21: a preferred channel without consent would invite a message the customer refused
        if (customer.preferredChannel != null) {
            CustomerConsent preferred = current.get(customer.preferredChannel);
            if (preferred == null || !preferred.granted) {
                throw new ProblemException(ProblemType.UNPROCESSABLE,
                        "The preferred channel " + customer.preferredChannel + " has no consent")
                        .with("preferredChannel", customer.preferredChannel);
            }
        }
        long version = bump(customer);
        Contacts contacts = contacts(id);
        Map<String, String> addresses = new LinkedHashMap<>();
        if (!contacts.phones().isEmpty()) {
            addresses.put(Channel.SMS.name(), contacts.phones().get(0));
        }
        if (!contacts.emails().isEmpty()) {
            addresses.put(Channel.EMAIL.name(), contacts.emails().get(0));
        }
        contacts.messengers().forEach(m -> addresses.putIfAbsent(m.network(), m.handle()));
        timeline.publish(id, CustomerEvents.CONSENT_CHANGED,
                new CustomerConsentChanged(id,
                        current.values().stream().map(c -> new CustomerConsentChanged.Consent(c.channel.name(),
                                c.granted, c.changedAt, c.method.name())).toList(),
                        customer.preferredChannel == null ? null : customer.preferredChannel.name(),
                        customer.quietFrom == null ? null
                                : new CustomerConsentChanged.QuietHours(customer.quietFrom, customer.quietTo),
                        customer.timeZone, addresses, now, staff.id(), version));
        return customer;
    }

    /** R24 visibility, then optimistic locking: a stale If-Match is 412. */
    private Customer lockForChange(UUID id, long expectedVersion, CurrentStaff staff) {
        Customer customer = customers.get(id, staff);
        CustomerService.refuseErased(customer);
        if (customer.version != expectedVersion) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "Customer " + id + " is at version " + customer.version + ", not " + expectedVersion
                            + "; reload it and repeat the change")
                    .with("currentVersion", customer.version);
        }
        return customer;
    }

    /** Contacts and consents live in their own tables: the customer's version moves with them (ETag). */
    private long bump(Customer customer) {
        customer.updatedAt = OffsetDateTime.now(clock); // dirties the row: one version increment at the flush
        em.flush();
        return customer.version;
    }
}
