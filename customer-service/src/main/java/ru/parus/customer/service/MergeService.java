package ru.parus.customer.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import ru.parus.customer.domain.Customer;
import ru.parus.customer.event.CustomerEvents;
import ru.parus.customer.event.CustomersMerged;
import ru.parus.customer.repository.MergeRepository;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;
import ru.parus.platform.security.CurrentStaff;

/**
 * Identity: the head merges a duplicate into the surviving customer. Contacts, consents (the newer
 * decision per channel wins), activity and suspected-duplicate pairs follow; the merged row stays,
 * pointing at the survivor, so its id keeps resolving; {@code CustomersMerged} tells the other services.
 */
@ApplicationScoped
@Transactional
public class MergeService {
    @Inject
    EntityManager em;
    @Inject
    MergeRepository moves;
    @Inject
    Timeline timeline;
    @Inject
    Clock clock;

    public Customer merge(UUID mergedId, UUID intoId, CurrentStaff staff) {
        if (intoId == null) {
            throw ProblemException.invalidField("intoCustomerId", "required");
        }
        if (intoId.equals(mergedId)) {
            throw ProblemException.invalidField("intoCustomerId", "a customer cannot be merged into itself");
        }
        // both rows locked in id order: two merges of the same pair cannot deadlock or interleave
        boolean mergedFirst = mergedId.compareTo(intoId) < 0;
        Customer a = lock(mergedFirst ? mergedId : intoId);
        Customer b = lock(mergedFirst ? intoId : mergedId);
        Customer merged = mergedFirst ? a : b;
        Customer into = mergedFirst ? b : a;
        if (merged.mergedInto != null || into.mergedInto != null) {
            throw new ProblemException(ProblemType.CONFLICT, "One of the customers was merged already")
                    .with("mergedInto", merged.mergedInto != null ? merged.mergedInto : into.mergedInto);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        moves.moveContacts(mergedId, intoId);
        moves.moveConsents(mergedId, intoId); // R21: per channel the later decision of the customer stands
        moves.moveSuspectedDuplicates(mergedId, intoId); // the pair itself is resolved
        // R14: activity follows
        into.orderCount += merged.orderCount;
        into.lifetimeValueKopecks += merged.lifetimeValueKopecks;
        if (merged.lastOrderAt != null && (into.lastOrderAt == null || merged.lastOrderAt.isAfter(into.lastOrderAt))) {
            into.lastOrderAt = merged.lastOrderAt;
        }
        if (merged.activeAt.isAfter(into.activeAt)) {
            into.activeAt = merged.activeAt;
        }
        if (into.dormantSince != null && merged.dormantSince == null) {
            into.dormantSince = null; // the person was active under the other id
        }
        if (into.phone == null) {
            into.phone = merged.phone;
        }
        if (into.email == null) {
            into.email = merged.email;
        }
        if (into.ownerManagerId == null) {
            into.ownerManagerId = merged.ownerManagerId;
        }
        into.updatedAt = now;
        merged.mergedInto = intoId;
        merged.mergedAt = now;
        em.flush();
        timeline.publish(intoId, CustomerEvents.MERGED,
                new CustomersMerged(intoId, mergedId, now, staff.id(), into.orderCount, into.lifetimeValueKopecks,
                        into.lastOrderAt));
        return into;
    }

    private Customer lock(UUID id) {
        Customer c = em.find(Customer.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw ProblemException.notFound("Customer", id);
        }
        return c;
    }
}
