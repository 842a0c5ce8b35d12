package ru.parus.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import ru.parus.customer.config.CustomerConfig;
import ru.parus.customer.repository.CustomerSearch;
import ru.parus.customer.service.DormancyScanner;

/**
 * Measurements for docs/customer-service.md ("Measured"), not a test of behaviour: off unless
 * {@code -Dparus.bench=true}. Generates ONE MILLION customers with set-based SQL in the real embedded
 * PostgreSQL, then prints search latency (p50/p99 over 100 searches of the service's search query) by
 * phone fragment, name and e-mail, and how long it takes from 10,000 customers crossing the dormancy
 * threshold at once until all of them are dormant with their CustomerDormant in the outbox.
 * Run alone: {@code mvn -B -ntp test -Dtest=CustomerMillionBenchTest -Dparus.bench=true}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "parus.bench", matches = "true")
class CustomerMillionBenchTest {
    static final int CUSTOMERS = 1_000_000;
    static final int CROSSING = 10_000;
    static final String[] SURNAMES = { "Смирнов", "Иванов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов",
            "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров",
            "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров" };
    static final String[] FIRST = { "Анна", "Борис", "Вера", "Глеб", "Дарья", "Егор", "Жанна", "Захар", "Ирина",
            "Кирилл", "Лариса", "Максим", "Нина", "Олег", "Полина", "Роман", "Светлана", "Тимур", "Ульяна", "Фёдор" };

    @Inject
    EntityManager em;
    @Inject
    CustomerSearch search;
    @Inject
    DormancyScanner scanner;
    @Inject
    CustomerConfig config;
    @Inject
    Clock clock;

    @Test
    void measureSearchAndDormancyOnAMillionCustomers() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        long t0 = System.nanoTime();
        QuarkusTransaction.requiringNew().timeout(3600).run(() -> {
            // the trigram indexes are rebuilt once after the load instead of being maintained row by row
            em.createNativeQuery("DROP INDEX IF EXISTS customer_name_trgm").executeUpdate();
            em.createNativeQuery("DROP INDEX IF EXISTS customer_contact_value_trgm").executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO customer (id, name, phone, email, type, created_at, active_at, registered_via,
                                          order_count, lifetime_value_kopecks, dormancy_episode, version)
                    SELECT gen_random_uuid(),
                           (CAST(?1 AS text[]))[1 + g % 25] || CASE WHEN g % 2 = 0 THEN 'а' ELSE '' END || ' '
                               || (CAST(?2 AS text[]))[1 + (g / 25) % 20],
                           '+7999' || lpad(g::text, 7, '0'), 'client' || g || '@mail' || (g % 7) || '.ru',
                           'FITNESS', ?3, ?3, 'IMPORT', 1, 100000 + g % 500000, 0, 0
                    FROM generate_series(1, ?4) g""")
                    .setParameter(1, "{" + String.join(",", SURNAMES) + "}")
                    .setParameter(2, "{" + String.join(",", FIRST) + "}")
                    .setParameter(3, now).setParameter(4, CUSTOMERS).executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO customer_contact (customer_id, kind, value, position)
                    SELECT id, 'PHONE', phone, 0 FROM customer WHERE registered_via = 'IMPORT' AND phone LIKE '+7999%'
                    UNION ALL
                    SELECT id, 'EMAIL', email, 0 FROM customer WHERE registered_via = 'IMPORT' AND phone LIKE '+7999%'""")
                    .executeUpdate();
        });
        long generated = System.nanoTime();
        QuarkusTransaction.requiringNew().timeout(3600).run(() -> {
            em.createNativeQuery("CREATE INDEX customer_name_trgm ON customer USING gin (lower(name) gin_trgm_ops)").executeUpdate();
            em.createNativeQuery("CREATE INDEX customer_contact_value_trgm ON customer_contact USING gin (value gin_trgm_ops)")
                    .executeUpdate();
        });
        long indexed = System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("ANALYZE customer; ANALYZE customer_contact").executeUpdate());
        long count = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM customer").getSingleResult()).longValue());
        assertTrue(count >= CUSTOMERS, "generated: " + count);
        System.out.printf("BENCH generated %d customers and %d contacts in %d s; trigram indexes built in %d s%n",
                CUSTOMERS, 2 * CUSTOMERS, (generated - t0) / 1_000_000_000, (indexed - generated) / 1_000_000_000);

        // pg_trgm takes its letters from the database's LC_CTYPE: under C, Cyrillic letters make no trigrams
        System.out.println("BENCH database lc_ctype = " + QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("SELECT datctype FROM pg_database WHERE datname = current_database()").getSingleResult()));
        System.out.println("BENCH trigrams of 'смирнова анна': " + QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("SELECT CAST(show_trgm('смирнова анна') AS text)").getSingleResult()));
        @SuppressWarnings("unchecked")
        List<String> plan = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "EXPLAIN ANALYZE SELECT id FROM customer WHERE lower(name) LIKE '%смирнова анна%'").getResultList());
        plan.forEach(line -> System.out.println("BENCH plan: " + line));

        Random random = new Random(42);
        // the same normalisation as CustomerService.search: digits of a phone, lower case text
        measure("phone fragment (6 digits, e.g. 345678)", i -> {
            String digits = String.format("%07d", 1 + random.nextInt(CUSTOMERS)).substring(1);
            return search.search(digits, digits, null, 0, 20);
        });
        measure("phone written with spaces (999 012 34)", i -> {
            String g = String.format("%07d", 1 + random.nextInt(CUSTOMERS));
            String digits = "999" + g.substring(0, 5);
            return search.search(("999 " + g.substring(0, 3) + " " + g.substring(3, 5)).toLowerCase(), digits, null, 0, 20);
        });
        measure("e-mail fragment (e.g. client123456@)", i -> {
            String q = "client" + (1 + random.nextInt(CUSTOMERS)) + "@";
            return search.search(q, null, null, 0, 20);
        });

        // R14: the idle scan over a million active customers (what the scheduler pays every few seconds)
        List<Long> idle = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long s = System.nanoTime();
            scanner.scan();
            idle.add(System.nanoTime() - s);
        }
        System.out.printf("BENCH dormancy scan with nothing due over %d customers: p50 %.1f ms%n", count, p(idle, 50));

        // R14: 10,000 customers cross the threshold at once; the scheduled scan (every %s in tests) fires them
        OffsetDateTime past = now.minus(config.dormantAfter()).minusDays(1);
        long crossed = System.nanoTime();
        int moved = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                UPDATE customer SET active_at = ?1 WHERE id IN (
                    SELECT id FROM customer WHERE registered_via = 'IMPORT' AND dormant_since IS NULL LIMIT ?2)""")
                .setParameter(1, past).setParameter(2, CROSSING).executeUpdate());
        assertEquals(CROSSING, moved);
        long dormant = 0;
        long outbox = 0;
        while (System.nanoTime() - crossed < 300_000_000_000L) {
            dormant = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "SELECT count(*) FROM customer WHERE registered_via = 'IMPORT' AND dormant_since IS NOT NULL")
                    .getSingleResult()).longValue());
            if (dormant >= CROSSING) {
                break;
            }
            Thread.sleep(20);
        }
        long done = System.nanoTime();
        outbox = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM outbox WHERE event_type = 'ru.parus.customer.CustomerDormant.v1'")
                .getSingleResult()).longValue());
        System.out.printf("BENCH %d customers crossed the dormancy threshold at once: all %d dormant %.0f ms later "
                + "(scan interval %s, batch %d); CustomerDormant rows in the outbox: %d%n", CROSSING, dormant,
                (done - crossed) / 1e6, config.dormancyScanEvery(), config.dormancyScanBatch(), outbox);
        assertEquals(CROSSING, dormant);
        // one scan doing the whole work, timed alone: another 10,000 crossing, run by hand right away
        long handMoved = QuarkusTransaction.requiringNew().call(() -> (long) em.createNativeQuery("""
                UPDATE customer SET active_at = ?1 WHERE id IN (
                    SELECT id FROM customer WHERE registered_via = 'IMPORT' AND dormant_since IS NULL LIMIT ?2)""")
                .setParameter(1, past).setParameter(2, CROSSING).executeUpdate());
        long s = System.nanoTime();
        int fired = scanner.scan().size();
        System.out.printf("BENCH one scan call right after another %d crossed: fired %d in %.0f ms "
                + "(the scheduled scan may have taken some of them first)%n", handMoved, fired, (System.nanoTime() - s) / 1e6);

        // the name searches last: on this synthetic base (500 distinct names) they are the slow ones
        measure("surname and first name (e.g. смирнова анна, ~1000 hits)", i -> {
            String q = (SURNAMES[random.nextInt(SURNAMES.length)] + "а " + FIRST[random.nextInt(FIRST.length)]).toLowerCase();
            return search.search(q, null, null, 0, 20);
        });
        measure("surname fragment (e.g. кузнец, ~40000 hits)", i -> {
            String surname = SURNAMES[random.nextInt(SURNAMES.length)];
            return search.search(surname.substring(0, Math.min(6, surname.length())).toLowerCase(), null, null, 0, 20);
        });
    }

    private void measure(String what, IntFunction<CustomerSearch.Page> query) {
        for (int i = 0; i < 5; i++) {
            int n = i;
            QuarkusTransaction.requiringNew().call(() -> query.apply(n)); // warm-up
        }
        List<Long> times = new ArrayList<>();
        long hits = 0;
        for (int i = 0; i < 100; i++) {
            int n = i;
            long s = System.nanoTime();
            CustomerSearch.Page page = QuarkusTransaction.requiringNew().call(() -> query.apply(n));
            times.add(System.nanoTime() - s);
            hits += page.total();
        }
        System.out.printf("BENCH search by %-55s p50 %7.1f ms  p99 %7.1f ms  (avg hits %d)%n", what, p(times, 50),
                p(times, 99), hits / 100);
    }

    private static double p(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
