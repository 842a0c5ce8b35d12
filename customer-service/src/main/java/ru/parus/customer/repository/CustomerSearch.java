package ru.parus.customer.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import ru.parus.customer.domain.Customer;

/**
 * Finds customers by any part of a name, a phone or an e-mail, in one SQL statement served by the
 * trigram GIN indexes of V6 ({@code LIKE '%...%'}).
 */
@ApplicationScoped
public class CustomerSearch {
    @Inject
    EntityManager em;

    public record Page(long total, List<Customer> items) {
    }

    /**
     * @param text      lower-case text to find in names and contacts
     * @param digits    the query's digits (a phone fragment), or null
     * @param visibleTo owners whose customers a manager sees (R24: their own, R22: those they deputise
     *                  for; customers nobody owns are found too), or null for all
     */
    @SuppressWarnings("unchecked")
    public Page search(String text, String digits, List<String> visibleTo, int page, int size) {
        // each branch of the union is served by its own trigram index
        String from = """
                FROM customer c
                JOIN (SELECT id FROM customer WHERE lower(name) LIKE :text
                      UNION
                      SELECT customer_id FROM customer_contact WHERE value LIKE :text OR value LIKE :digits) hits
                  ON hits.id = c.id
                WHERE c.merged_into IS NULL AND c.erased_at IS NULL -- R24: an erased customer is nobody to find
                  AND (CAST(:owners AS varchar) = '' OR c.owner_manager_id IS NULL
                       OR c.owner_manager_id = ANY (string_to_array(CAST(:owners AS varchar), E'\\x1f')))""";
        Query count = em.createNativeQuery("SELECT count(*) " + from);
        Query rows = em.createNativeQuery("SELECT c.* " + from + " ORDER BY lower(c.name), c.id OFFSET :offset LIMIT :size",
                Customer.class);
        for (Query q : List.of(count, rows)) {
            q.setParameter("owners", visibleTo == null ? "" : String.join("\u001f", visibleTo))
                    .setParameter("text", "%" + escape(text) + "%")
                    .setParameter("digits", digits == null ? "" : "%" + digits + "%");
        }
        rows.setParameter("offset", (long) page * size).setParameter("size", size);
        return new Page(((Number) count.getSingleResult()).longValue(), rows.getResultList());
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

}
