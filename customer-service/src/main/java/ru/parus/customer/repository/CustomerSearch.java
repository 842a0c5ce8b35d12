package ru.parus.customer.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import ru.parus.customer.domain.Customer;

/**
 * Finds customers by any part of a name, a phone or an e-mail, served by the trigram GIN indexes of V6
 * ({@code LIKE '%...%'}).
 *
 * <p>On a million customers a common surname matches tens of thousands: counting and sorting all of them
 * cost a second. So each branch of the search (names; contacts) stops after {@code maxHits + 1} visible
 * hits, and only those are counted and sorted: up to {@code maxHits} hits the total and the order are
 * exact; above it the page says {@code totalIsLowerBound} and the manager narrows the query. The R24
 * visibility filter is applied inside each branch, before the cap, so a manager's own customers are never
 * crowded out by other managers' ones.
 *
 * <p>A manager's name branch is two index scans (issue 17, V14): their owners' hits from the GIN index over
 * (owner, name trigrams), then the unowned hits from a partial trigram index; so a common surname costs the
 * manager's few hundred hits, not the tens of thousands of everyone's. Each hit carries its sort key, so the
 * page is sorted without reading the customers again.
 */
@ApplicationScoped
public class CustomerSearch {
    /** A word the trigram index can look up: 3 letters or digits in a row. */
    public static final Pattern TRIGRAMS = Pattern.compile("[\\p{L}\\p{N}]{3}");

    @Inject
    EntityManager em;

    /**
     * @param total             hits, at most {@code maxHits}
     * @param totalIsLowerBound there are more than {@code maxHits} hits; {@code items} come from the first
     *                          {@code maxHits + 1} found, sorted by name
     */
    public record Page(long total, boolean totalIsLowerBound, List<Customer> items) {
    }

    /**
     * @param words     lower-case words to find in the name, all of them, in any order; words with 3 letters
     *                  or digits in a row are looked up in the trigram index anywhere in the name, others only
     *                  filter its hits as the start of a word (no such word: names are not searched)
     * @param contact   lower-case text to find in a contact value (e-mail, handle), or null
     * @param digits    the query's digits (a phone fragment), or null
     * @param visibleTo owners whose customers a manager sees (R24: their own, R22: those they deputise
     *                  for; customers nobody owns are found too, and only they when it is empty), or null for all
     * @param maxHits   hits counted and sorted at most
     */
    public Page search(List<String> words, String contact, String digits, List<String> visibleTo, int page, int size,
            int maxHits) {
        Statement statement = statement(words, contact, digits, visibleTo, maxHits);
        long offset = (long) page * size; // a huge page number is past the hits, not an overflow
        int pageSize = (int) Math.max(0, Math.min(size, maxHits - offset)); // pages end at maxHits
        long found = -1;
        List<UUID> ids = new ArrayList<>();
        if (pageSize > 0) {
            Query rows = em.createNativeQuery(statement.page());
            statement.params().forEach(rows::setParameter);
            rows.setParameter("offset", offset).setParameter("size", pageSize);
            for (Object row : rows.getResultList()) {
                Object[] columns = (Object[]) row;
                ids.add(UUID.fromString((String) columns[0]));
                found = ((Number) columns[1]).longValue();
            }
        }
        if (found < 0) { // a page past the hits: count them alone
            Query count = em.createNativeQuery(statement.count());
            statement.params().forEach(count::setParameter);
            found = ((Number) count.getSingleResult()).longValue();
        }
        List<Customer> items = new ArrayList<>();
        if (!ids.isEmpty()) {
            Map<UUID, Customer> byId = new HashMap<>();
            em.createQuery("from Customer c where c.id in :ids", Customer.class).setParameter("ids", ids).getResultList()
                    .forEach(c -> byId.put(c.id, c));
            ids.stream().map(byId::get).forEach(items::add);
        }
        return new Page(Math.min(found, maxHits), found > maxHits, items);
    }

    /**
     * The SQL of one search: a {@code WITH ... hits} clause and its parameters; {@link #page()} adds the page
     * ({@code :offset}, {@code :size} still to set), {@link #count()} the count. Public for the benchmark's EXPLAIN.
     */
    public record Statement(String hits, Map<String, Object> params) {
        public String page() {
            return hits + """
                    SELECT CAST(h.id AS text), count(*) OVER ()
                    FROM hits h
                    ORDER BY h.sort_name, h.id OFFSET :offset LIMIT :size""";
        }

        public String count() {
            return hits + "SELECT count(*) FROM hits";
        }
    }

    /** The statement {@link #search} runs; the parameters as there. */
    public Statement statement(List<String> words, String contact, String digits, List<String> visibleTo, int maxHits) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder name = new StringBuilder();
        Map<String, Object> nameParams = new HashMap<>();
        boolean anyIndexed = false;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            // a pattern without trigrams would make GIN read the whole index: short words only filter
            boolean indexed = TRIGRAMS.matcher(word).find();
            anyIndexed |= indexed;
            // a short word is the start of a word (an initial: "смирнова а п")
            nameParams.put("w" + i, indexed ? "%" + escape(word) + "%" : " " + word);
            name.append(indexed ? " AND lower(c.name) LIKE :w" + i : " AND strpos(' ' || lower(c.name), :w" + i + ") > 0");
        }
        List<String> contactConditions = new ArrayList<>();
        if (contact != null) {
            contactConditions.add("cc.value LIKE :contact");
            params.put("contact", "%" + escape(contact) + "%");
        }
        if (digits != null) {
            contactConditions.add("cc.value LIKE :digits");
            params.put("digits", "%" + digits + "%");
        }
        // R24: an erased or merged customer is nobody to find; a manager sees own, deputised (R22) and unowned ones
        String live = "c.merged_into IS NULL AND c.erased_at IS NULL";
        boolean anyOwner = visibleTo != null && !visibleTo.isEmpty();
        String owned = "c.owner_manager_id = ANY (string_to_array(CAST(:owners AS varchar), E'\\x1f'))";
        if (anyOwner) {
            params.put("owners", String.join("\u001f", visibleTo));
        }
        String visible = visibleTo == null ? live
                : live + " AND (c.owner_manager_id IS NULL" + (anyOwner ? " OR " + owned : "") + ")";
        params.put("cap", maxHits + 1);
        StringBuilder hits = new StringBuilder("WITH ");
        boolean byName = anyIndexed; // else the names would be read one by one
        if (byName) {
            params.putAll(nameParams);
            // R24 for a manager: the owner branch and the unowned branch apart, so that each is one index scan
            // of its own customers' hits (V14: GIN over owner and name trigrams; a partial one over the unowned)
            // instead of reading every hit of a common surname to keep the few the manager sees
            String select = "SELECT c.id, lower(c.name) AS sort_name FROM customer c WHERE " + live;
            List<String> branches = new ArrayList<>();
            if (visibleTo == null) {
                branches.add(select + name);
            } else {
                if (anyOwner) {
                    branches.add(select + " AND " + owned + name);
                }
                branches.add(select + " AND c.owner_manager_id IS NULL" + name);
            }
            // MATERIALIZED: planned for all its rows, the name branch takes the trigram index even where a
            // LIMIT would tempt the planner into a sequential scan that, for a manager who sees few of the
            // hits, reads the whole table; the LIMIT outside still stops reading after maxHits + 1 rows
            hits.append("names AS MATERIALIZED (").append(String.join("\nUNION ALL\n", branches)).append("),\n");
        }
        hits.append("hits AS (");
        if (byName) {
            hits.append("(SELECT id, sort_name FROM names LIMIT :cap)");
        }
        if (!contactConditions.isEmpty()) {
            hits.append(byName ? " UNION " : "")
                    .append("(SELECT cc.customer_id AS id, lower(c.name) AS sort_name FROM customer_contact cc ")
                    .append("JOIN customer c ON c.id = cc.customer_id WHERE (")
                    .append(String.join(" OR ", contactConditions)).append(") AND ").append(visible).append(" LIMIT :cap)");
        }
        hits.append(")\n");
        return new Statement(hits.toString(), Map.copyOf(params));
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

}
