package ru.parus.customer.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import ru.parus.customer.domain.Customer;
import ru.parus.customer.event.CustomerErased;
import ru.parus.customer.event.CustomerEvents;
import ru.parus.customer.repository.CustomerRepository;
import ru.parus.customer.repository.ErasureRepository;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;
import ru.parus.platform.security.CurrentStaff;

/**
 * R24: erasure on the customer's request. The customer (and every record merged into it) keeps its id,
 * type, owner and order activity with its money figures; name, phones, e-mails, messenger handles,
 * preferences, notes and the personal data in its timeline entries are overwritten or removed, every
 * consent is withdrawn, and {@code CustomerErased} tells the other services to anonymise their projections.
 */
@ApplicationScoped
@Transactional
public class ErasureService {
    /** What an erased customer is called from now on. */
    public static final String ERASED_NAME = "Удалено";
    /** Timeline summary members that may carry personal data (CustomerRegistered, contacts, consents, notes). */
    static final String[] PERSONAL_MEMBERS = { "name", "phone", "email", "phones", "emails", "messengers", "addresses",
            "text", "legalName", "customerContact" };
    private static final Logger LOG = Logger.getLogger(ErasureService.class);

    @Inject
    CustomerService customers;
    @Inject
    CustomerRepository repository;
    @Inject
    ErasureRepository erasure;
    @Inject
    Timeline timeline;
    @Inject
    Clock clock;

    public CustomerErased erase(UUID id, String requestReference, CurrentStaff staff) {
        UUID survivorId = customers.get(id, staff).id; // a merged id resolves to the customer it lives on in
        Customer customer = repository.findByIdOptional(survivorId, LockModeType.PESSIMISTIC_WRITE).orElseThrow();
        if (customer.erased()) {
            throw new ProblemException(ProblemType.CONFLICT, "Customer " + survivorId + " was erased already")
                    .with("erasedAt", customer.erasedAt);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<UUID> ids = new ArrayList<>(customers.mergedFrom(survivorId));
        ids.add(survivorId);
        // the merged-away records carry the same person's data: they are erased with the survivor
        erasure.erase(ids, now, staff.id(), requestReference, ERASED_NAME, PERSONAL_MEMBERS);
        CustomerErased erased = new CustomerErased(survivorId, now, staff.id(), requestReference);
        timeline.publish(survivorId, CustomerEvents.ERASED, erased);
        LOG.infof("R24: customer %s erased by %s (request %s)", survivorId, staff.id(), requestReference);
        return erased;
    }
}
