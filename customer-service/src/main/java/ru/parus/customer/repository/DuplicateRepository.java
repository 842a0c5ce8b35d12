package ru.parus.customer.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import ru.parus.platform.paging.Page;
import ru.parus.platform.paging.PageRequest;

/** Pairs of customers that share a phone or an e-mail, for the head to merge. */
@ApplicationScoped
public class DuplicateRepository {
    @Inject
    EntityManager em;

    public record Match(UUID customerId, String matchedOn) {
    }

    public record Pair(UUID customerId, UUID existingId, String matchedOn, OffsetDateTime detectedAt, UUID orderId) {
    }

    /** Other customers with this phone (E.164) or e-mail (lower case) among their contacts (R21). */
    public List<Match> holdersOf(String phone, String email, UUID except) {
        List<Match> found = new java.util.ArrayList<>();
        if (phone != null) {
            em.createQuery("select distinct c.customerId from CustomerContact c where c.kind = 'PHONE' and c.value = :v"
                    + " and c.customerId <> :id and c.customerId in (select k.id from Customer k where k.mergedInto is null)", UUID.class)
                    .setParameter("v", phone).setParameter("id", except).getResultList()
                    .forEach(id -> found.add(new Match(id, "PHONE")));
        }
        if (email != null) {
            em.createQuery("select distinct c.customerId from CustomerContact c where c.kind = 'EMAIL' and c.value = :v"
                    + " and c.customerId <> :id and c.customerId in (select k.id from Customer k where k.mergedInto is null)", UUID.class).setParameter("v", email).setParameter("id", except).getResultList()
                    .forEach(id -> found.add(new Match(id, "EMAIL")));
        }
        return found;
    }

    public void record(UUID customerId, Match existing, OffsetDateTime at, UUID orderId) {
        em.createNativeQuery("""
                INSERT INTO suspected_duplicate (customer_id, existing_id, matched_on, detected_at, order_id)
                VALUES (?1, ?2, ?3, ?4, CAST(NULLIF(?5, '') AS uuid)) ON CONFLICT DO NOTHING""")
                .setParameter(1, customerId).setParameter(2, existing.customerId()).setParameter(3, existing.matchedOn())
                .setParameter(4, at).setParameter(5, orderId == null ? "" : orderId.toString())
                .executeUpdate();
    }

    /** Both directions: the customers this one is suspected to duplicate, and those suspected to duplicate it. */
    @SuppressWarnings("unchecked")
    public List<Match> of(UUID customerId) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT existing_id, matched_on FROM suspected_duplicate WHERE customer_id = ?1
                UNION
                SELECT customer_id, matched_on FROM suspected_duplicate WHERE existing_id = ?1
                ORDER BY 1, 2""").setParameter(1, customerId).getResultList();
        return rows.stream().map(r -> new Match((UUID) r[0], (String) r[1])).toList();
    }

    /** Newest first. */
    @SuppressWarnings("unchecked")
    public Page<Pair> page(PageRequest page) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT customer_id, existing_id, matched_on, detected_at, order_id FROM suspected_duplicate
                ORDER BY detected_at DESC, customer_id, existing_id, matched_on OFFSET ?1 LIMIT ?2""")
                .setParameter(1, page.offset()).setParameter(2, page.size()).getResultList();
        return Page.of(page, count(), rows.stream()
                .map(r -> new Pair((UUID) r[0], (UUID) r[1], (String) r[2], Rows.offsetDateTime(r[3]), (UUID) r[4]))
                .toList());
    }

    private long count() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM suspected_duplicate").getSingleResult()).longValue();
    }
}
