package ru.parus.customer.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import ru.parus.customer.config.CustomerConfig;
import ru.parus.customer.domain.Customer;
import ru.parus.customer.domain.CustomerContact;
import ru.parus.customer.event.CustomerEvents;
import ru.parus.customer.event.CustomerReactivated;
import ru.parus.customer.event.CustomerRegistered;
import ru.parus.customer.event.OrderPlaced;
import ru.parus.customer.repository.CustomerRepository;
import ru.parus.customer.repository.CustomerSearch;
import ru.parus.customer.repository.DuplicateRepository;
import ru.parus.platform.access.AccessScope;
import ru.parus.platform.access.CustomerAccess;
import ru.parus.platform.phone.PhoneNumbers;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;
import ru.parus.platform.security.CurrentStaff;
import ru.parus.platform.security.Roles;

@ApplicationScoped
@Transactional
public class CustomerService {
    private static final Logger LOG = Logger.getLogger(CustomerService.class);

    @Inject
    CustomerRepository customers;
    @Inject
    DuplicateRepository duplicates;
    @Inject
    CustomerSearch search;
    @Inject
    PhoneNumbers phones;
    @Inject
    CustomerConfig config;
    @Inject
    Timeline timeline;
    @Inject
    Clock clock;
    @Inject
    EntityManager em;
    @Inject
    CustomerAccess access;
    @Inject
    TimelineFeed feed;

    record OrderOnTimeline(UUID orderId, String channel, String managerId, Long totalKopecks, String currency) {
    }

    public record NewCustomer(String name, String phone, String email, String type) {
    }

    /**
     * Registers a customer (R6: recorded and announced); a manager who registers one becomes its owner.
     * One identity (issue 4): a phone or e-mail another customer already has is a 409 naming that
     * customer, unless the caller insists with {@code allowDuplicate}.
     */
    public Customer register(NewCustomer request, boolean allowDuplicate, CurrentStaff staff) {
        if (!config.types().contains(request.type())) {
            throw ProblemException.invalidField("type", "must be one of " + config.types())
                    .with("allowedTypes", config.types());
        }
        Customer customer = new Customer();
        customer.id = UUID.randomUUID();
        customer.name = request.name().strip();
        customer.phone = request.phone() == null ? null : phones.normalize("phone", request.phone());
        customer.email = normalizeEmail(request.email());
        customer.type = request.type();
        customer.ownerManagerId = staff.hasRole(Roles.MANAGER) ? staff.id() : null;
        customer.registeredVia = "PHONE";
        customer.createdAt = OffsetDateTime.now(clock);
        customer.activeAt = customer.createdAt; // R14: one who never orders is dormant 6 months after registration
        List<DuplicateRepository.Match> holders = duplicates.holdersOf(customer.phone, customer.email, customer.id);
        if (!holders.isEmpty() && !allowDuplicate) {
            DuplicateRepository.Match first = holders.get(0);
            throw new ProblemException(ProblemType.CONFLICT, "A customer with this " + first.matchedOn().toLowerCase()
                    + " exists already; use it, or repeat with allowDuplicate=true")
                    .with("existingCustomerId", first.customerId())
                    .with("matchedOn", first.matchedOn());
        }
        customers.persist(customer);
        saveMainContacts(customer);
        holders.forEach(h -> duplicates.record(customer.id, h, customer.createdAt, null));
        announce(customer, holders);
        return customer;
    }

    /**
     * R24, R22: the head, the director and admins see every customer; a manager reads and changes the
     * customers they own, those of a manager they currently deputise for, and those nobody owns yet (a
     * storefront buyer calling in). Any other customer is a 403. Every customer endpoint goes through here.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Customer get(UUID id, CurrentStaff staff) {
        Customer customer = resolve(customers.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Customer", id)));
        access.checkCustomer(customer.id); // R22, R24: platform's one policy over CustomerOwners
        return customer;
    }

    /**
     * Search for a manager during a call: any part of a name, an e-mail or a phone (digits in any
     * spelling). R24, R22: a manager finds their own customers, those of a manager they deputise for and
     * those nobody owns; the head, the director and admins find all.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CustomerSearch.Page search(String q, int page, int size, CurrentStaff staff) {
        String text = q == null ? "" : q.strip().toLowerCase();
        if (text.length() > config.searchMaxLength()) {
            throw ProblemException.invalidField("q", "at most " + config.searchMaxLength() + " characters");
        }
        String digits = null;
        if (text.matches("[\\d\\s()+\\-]+")) {
            digits = text.replaceAll("\\D", "");
            if (digits.length() == 11 && digits.startsWith("8")) {
                digits = "7" + digits.substring(1); // 8 (912) 345-67-89 is +79123456789
            }
            if (digits.length() < 3) {
                digits = null;
            }
        }
        boolean trigrams = CustomerSearch.TRIGRAMS.matcher(text).find();
        boolean oneWord = !text.matches(".*\\s.*");
        // "li@bk.ru": two short runs around a separator still give the index trigrams (" bk"), and a whole
        // e-mail must be found however short it is
        boolean shortContact = oneWord && text.replaceAll("[^\\p{L}\\p{N}]", "").length() >= 3
                && text.split("[^\\p{L}\\p{N}]+").length >= 2;
        // a pattern without 3 letters or digits in a row has (almost) no trigram, so no index can serve it; and
        // a manager typing "Ив" or "91" during a call would get thousands of useless hits anyway
        if (!trigrams && digits == null && !shortContact) {
            throw ProblemException.invalidField("q", "at least 3 letters or digits in a row of a name or e-mail, "
                    + "or 3 digits of a phone");
        }
        // names: every word, in any order ("анна смирнова" finds "Смирнова Анна"); contacts have no spaces
        List<String> words = List.of(text.split("\\s+"));
        String contact = oneWord && (trigrams || shortContact) ? text : null;
        return search.search(words, contact, digits, visibleOwners(), page, size,
                config.searchMaxHits()); // R22, R24
    }

    /** A merged id keeps resolving: to the customer it was merged into (and on, if that one was merged too). */
    Customer resolve(Customer customer) {
        for (int hops = 0; customer.mergedInto != null && hops < 10; hops++) {
            customer = customers.findById(customer.mergedInto);
        }
        return customer;
    }

    /**
     * The ids that resolve to this customer: those merged into it, and those merged into them (A merged into B,
     * then B into C: both for C), oldest merge first. Timeline (R6), storefronts and erasure (R24) follow them all.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> mergedFrom(UUID id) {
        return customers.mergedFrom(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DuplicateRepository.Match> suspectedDuplicates(UUID id) {
        return duplicates.of(id);
    }

    /**
     * Activity from order-service: last order time, order count and lifetime value (R14). A storefront
     * buyer this service does not know yet is registered first, under the order's customerId. An order
     * of a dormant customer ends the dormancy episode and publishes {@code CustomerReactivated}. The row
     * is locked, so that an order and a dormancy scan on the same customer serialise instead of failing.
     */
    public void orderPlaced(OrderPlaced event) {
        if (event.customerContact() != null) {
            registerFromOrder(event);
        }
        // R6: shipment events of this order that came first go on the timeline now
        feed.orderBelongsTo(event.orderId(), event.customerId());
        Customer customer = customers.findByIdOptional(event.customerId(), LockModeType.PESSIMISTIC_WRITE).orElse(null);
        if (customer != null && customer.mergedInto != null) {
            // an order for a merged id counts for the customer it was merged into
            customer = customers.findByIdOptional(resolve(customer).id, LockModeType.PESSIMISTIC_WRITE).orElseThrow();
        }
        if (customer == null) {
            LOG.warnf("OrderPlaced %s names unknown customer %s without customerContact; ignored", event.orderId(),
                    event.customerId());
            return;
        }
        customer.recordOrder(event.placedAt(), event.totalKopecks() == null ? 0 : event.totalKopecks());
        // R6: the order on the customer's timeline, as order-service told it
        timeline.record(customer.id, event.placedAt(), "OrderPlaced", new OrderOnTimeline(event.orderId(),
                event.channel(), event.managerId(), event.totalKopecks(), "RUB"));
        recordStorefront(customer.id, event);
        // an order older than the dormancy (a replay of order-events, a late delivery) does not end it (R14)
        if (customer.dormant() && !event.placedAt().isBefore(customer.dormantSince)) {
            reactivate(customer, event);
        }
    }

    /** Issue 4: the storefronts where the customer has bought; a PHONE order names none. */
    private void recordStorefront(UUID customerId, OrderPlaced event) {
        if (event.channel() == null || "PHONE".equals(event.channel())) {
            return;
        }
        customers.recordStorefront(customerId, event.channel(), event.placedAt());
    }

    /** The storefronts where the customer, or a customer merged into them, has bought; sorted. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> storefronts(UUID id) {
        List<UUID> ids = new java.util.ArrayList<>(mergedFrom(id));
        ids.add(id);
        return customers.storefronts(ids);
    }

    /**
     * A storefront buyer (OrderPlaced.customerContact) becomes a customer under the id the order already
     * carries. Two orders of one new buyer may arrive at two replicas at once: the insert is
     * {@code ON CONFLICT DO NOTHING}, and only the one that inserted announces. A phone or e-mail another
     * customer has does not stop the registration (the order names this id) but marks the pair as a
     * suspected duplicate for the head to merge.
     */
    private void registerFromOrder(OrderPlaced event) {
        OrderPlaced.CustomerContact contact = event.customerContact();
        if (contact.name() == null || contact.name().isBlank()) {
            return; // schema-invalid contact; the order is still applied if the customer is known
        }
        String phone = phones.parse(contact.phone()).orElse(null);
        if (phone == null && contact.phone() != null && !contact.phone().isBlank()) {
            // personal data stay out of the log: only the order is named
            LOG.warnf("OrderPlaced %s: customerContact.phone is not a phone number; registered without it",
                    event.orderId());
        }
        String email = normalizeEmail(contact.email());
        OffsetDateTime now = OffsetDateTime.now(clock);
        String owner = "PHONE".equals(event.channel()) ? event.managerId() : null;
        String via = event.channel() == null ? "STOREFRONT" : event.channel();
        String name = contact.name().strip();
        if (name.length() > 200) {
            name = name.substring(0, 200);
        }
        boolean inserted = customers.insertIfAbsent(new CustomerRepository.NewBuyer(event.customerId(), name, phone,
                email, config.storefrontCustomerType(), owner, now, via));
        if (!inserted) {
            return; // known already (registered by an earlier order or by a manager)
        }
        Customer customer = customers.findById(event.customerId());
        saveMainContacts(customer);
        List<DuplicateRepository.Match> holders = duplicates.holdersOf(phone, email, customer.id);
        holders.forEach(h -> duplicates.record(customer.id, h, now, event.orderId()));
        announce(customer, holders);
    }

    /** The phone and e-mail given at registration are the customer's first contacts (R21). */
    void saveMainContacts(Customer customer) {
        if (customer.phone != null) {
            em.persist(CustomerContact.of(customer.id, CustomerContact.PHONE, customer.phone, 0));
        }
        if (customer.email != null) {
            em.persist(CustomerContact.of(customer.id, CustomerContact.EMAIL, customer.email, 0));
        }
    }

    void announce(Customer customer, List<DuplicateRepository.Match> holders) {
        List<UUID> suspected = holders.stream().map(DuplicateRepository.Match::customerId).distinct().toList();
        timeline.publish(customer.id, CustomerEvents.REGISTERED,
                new CustomerRegistered(customer.id, customer.name, customer.phone, customer.email, customer.type,
                        customer.ownerManagerId, customer.createdAt, customer.registeredVia,
                        suspected.isEmpty() ? null : suspected));
    }

    /** R14: the next order after dormancy starts a new episode. */
    private void reactivate(Customer customer, OrderPlaced event) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime dormantSince = customer.dormantSince;
        customer.dormantSince = null;
        // a late-delivered old order must not make the customer dormant again at the next scan
        if (now.isAfter(customer.activeAt)) {
            customer.activeAt = now;
        }
        timeline.publish(customer.id, CustomerEvents.REACTIVATED,
                new CustomerReactivated(customer.id, customer.dormancyEpisode, dormantSince, now, event.orderId(),
                        event.placedAt(), customer.ownerManagerId));
    }

    /** R24: an erased customer's data stay erased: no change brings personal data back. */
    static void refuseErased(Customer customer) {
        if (customer.erased()) {
            throw new ProblemException(ProblemType.CONFLICT, "Customer " + customer.id + " was erased; it cannot be changed")
                    .with("erasedAt", customer.erasedAt);
        }
    }

    static String normalizeEmail(String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase();
    }

    /** R22, R24: the owners whose customers a search shows besides unowned ones; null: everyone's. */
    private List<String> visibleOwners() {
        AccessScope scope = access.scope();
        return scope.everyone() ? null : List.copyOf(scope.owners());
    }
}
