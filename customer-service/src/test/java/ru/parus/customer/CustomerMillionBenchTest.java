package ru.parus.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import ru.parus.customer.config.CustomerConfig;
import ru.parus.customer.repository.CustomerSearch;
import ru.parus.customer.repository.DormancyRepository;
import ru.parus.customer.service.DormancyScanner;
import ru.parus.infra.test.TestInfra;
import ru.parus.platform.events.EventType;
import ru.parus.platform.outbox.Outbox;
import ru.parus.platform.testing.SettableClock;

/**
 * Measurements for docs/performance.md and docs/customer-service.md, not a test of behaviour: off unless
 * {@code -Dparus.bench=true}. Generates ONE MILLION customers with set-based SQL in the real embedded
 * PostgreSQL (Russian names: 100 surnames x 40 first names x 30 patronymics per gender, 240,000 distinct
 * names; phones spread over +79XXXXXXXXX; e-mails of 40 logins x numbers x 6 domains; 50 owners, one customer
 * in 500 unowned; manager-11 deputising for manager-3, R22), then prints the latency of {@code GET /customers?q=}
 * over HTTP (one keep-alive client; p50/p90/p99 of 200 calls per kind of query, the head's and a manager's,
 * R24), EXPLAIN (ANALYZE, BUFFERS) of the search's own statement for a common surname, and how long the
 * dormancy scan takes when 10,000 customers cross the threshold at once: the scan called directly, and the
 * scheduled scan from the moment of crossing until the 10,000 CustomerDormant rows are in the outbox
 * ({@code -Dparus.bench.dormancy=false} skips it). The 1-minute load average is printed before and after.
 * Run alone: {@code scripts/bench-customer-search.sh} (docs/performance.md).
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "parus.bench", matches = "true")
class CustomerMillionBenchTest {
    static final int CUSTOMERS = Integer.getInteger("parus.bench.customers", 1_000_000);
    static final int CROSSING = 10_000;
    static final int RUNS = 200;
    static final String HEAD = TestInfra.token("head-bench", "HEAD");
    /** Owns one customer in 50 (owner = manager-(g % 50)). */
    static final String MANAGER = TestInfra.token("manager-7", "MANAGER");
    /** Owns one customer in 50 and deputises for manager-3 (R22): sees two in 50. */
    static final String DEPUTY = TestInfra.token("manager-11", "MANAGER");
    static final boolean DORMANCY = !"false".equals(System.getProperty("parus.bench.dormancy"));
    static final String[] SURNAMES = { "Смирнов", "Иванов", "Кузнецов", "Соколов", "Попов", "Лебедев", "Козлов",
            "Новиков", "Морозов", "Петров", "Волков", "Соловьёв", "Васильев", "Зайцев", "Павлов", "Семёнов", "Голубев",
            "Виноградов", "Богданов", "Воробьёв", "Фёдоров", "Михайлов", "Беляев", "Тарасов", "Белов", "Комаров",
            "Орлов", "Киселёв", "Макаров", "Андреев", "Ковалёв", "Ильин", "Гусев", "Титов", "Кузьмин", "Кудрявцев",
            "Баранов", "Куликов", "Алексеев", "Степанов", "Яковлев", "Сорокин", "Сергеев", "Романов", "Захаров",
            "Борисов", "Королёв", "Герасимов", "Пономарёв", "Григорьев", "Лазарев", "Медведев", "Ершов", "Никитин",
            "Соболев", "Рябов", "Поляков", "Цветков", "Данилов", "Жуков", "Фролов", "Журавлёв", "Николаев", "Крылов",
            "Максимов", "Сидоров", "Осипов", "Белоусов", "Федотов", "Дорофеев", "Егоров", "Матвеев", "Бобров",
            "Дмитриев", "Калинин", "Анисимов", "Петухов", "Антонов", "Тимофеев", "Никифоров", "Веселов", "Филиппов",
            "Марков", "Большаков", "Суханов", "Миронов", "Ширяев", "Александров", "Коновалов", "Шестаков", "Казаков",
            "Ефимов", "Денисов", "Громов", "Фомин", "Давыдов", "Мельников", "Щербаков", "Блинов", "Колесников" };
    static final String[] MEN = { "Александр", "Алексей", "Андрей", "Антон", "Артём", "Борис", "Вадим", "Валерий",
            "Василий", "Виктор", "Владимир", "Владислав", "Вячеслав", "Геннадий", "Георгий", "Глеб", "Григорий",
            "Даниил", "Денис", "Дмитрий", "Евгений", "Егор", "Иван", "Игорь", "Илья", "Кирилл", "Константин", "Лев",
            "Леонид", "Максим", "Матвей", "Михаил", "Никита", "Николай", "Олег", "Павел", "Роман", "Сергей",
            "Станислав", "Юрий" };
    static final String[] WOMEN = { "Алина", "Алла", "Анастасия", "Анна", "Валентина", "Валерия", "Вера",
            "Вероника", "Виктория", "Галина", "Дарья", "Диана", "Евгения", "Екатерина", "Елена", "Елизавета",
            "Жанна", "Зоя", "Инна", "Ирина", "Карина", "Кристина", "Ксения", "Лариса", "Любовь", "Людмила",
            "Маргарита", "Марина", "Мария", "Надежда", "Наталья", "Нина", "Оксана", "Ольга", "Полина", "Светлана",
            "София", "Татьяна", "Ульяна", "Юлия" };
    /** Fathers' names; the patronymic adds -ович/-овна (or -евич/-евна after й, as in the real ones). */
    static final String[] FATHERS = { "Александр", "Алексей", "Анатолий", "Андрей", "Антон", "Борис", "Вадим",
            "Валерий", "Василий", "Виктор", "Владимир", "Геннадий", "Георгий", "Григорий", "Денис", "Дмитрий",
            "Евгений", "Иван", "Игорь", "Константин", "Леонид", "Максим", "Михаил", "Николай", "Олег", "Тимур",
            "Фёдор", "Роман", "Сергей", "Юрий" };
    static final String[] LOGINS = { "anna", "ivan", "sport", "fit", "alex", "olga", "max", "elena", "dmitry",
            "natali", "run", "gym", "power", "sergey", "irina", "pavel", "maria", "yoga", "andrey", "tanya", "oleg",
            "kate", "nikita", "vera", "igor", "julia", "roman", "sveta", "denis", "dasha", "protein", "zozh", "misha",
            "lena", "artem", "polina", "kirill", "nina", "boris", "ksenia" };
    static final String[] DOMAINS = { "mail.ru", "yandex.ru", "gmail.com", "bk.ru", "inbox.ru", "list.ru" };

    @Inject
    EntityManager em;
    @Inject
    DormancyScanner scanner;
    @Inject
    Outbox outbox;
    @Inject
    CustomerConfig config;
    @Inject
    SettableClock clock;
    @Inject
    Scheduler scheduler;
    @Inject
    CustomerSearch search;

    @Inject
    ObjectMapper mapper;
    @TestHTTPResource("/customers")
    URL url;

    final HttpClient http = HttpClient.newHttpClient();
    final List<String> report = new ArrayList<>();

    static long phoneOf(long g) {
        return (g * 2654435761L) % 1_000_000_000L; // a bijection on 0..10^9-1: phones spread like real ones
    }

    @Test
    void measureSearchAndDormancyOnAMillionCustomers() throws Exception {
        print("BENCH load before: " + uptime());
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        long t0 = System.nanoTime();
        // the trigram indexes (those the migrations made: V6, V14) are rebuilt once after the load instead of
        // being maintained row by row
        @SuppressWarnings("unchecked")
        List<Object[]> gin = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT indexname, indexdef FROM pg_indexes
                WHERE tablename IN ('customer', 'customer_contact') AND indexdef LIKE '% USING gin %'""").getResultList());
        QuarkusTransaction.requiringNew().timeout(3600).run(() -> {
            gin.forEach(index -> em.createNativeQuery("DROP INDEX " + index[0]).executeUpdate());
            em.createNativeQuery("SELECT setseed(0.42)").getResultList();
            em.createNativeQuery("""
                    INSERT INTO customer (id, name, phone, email, type, owner_manager_id, created_at, active_at,
                                          registered_via, order_count, lifetime_value_kopecks, dormancy_episode, version)
                    SELECT gen_random_uuid(),
                           CASE WHEN g % 2 = 0
                                THEN s.surname || ' ' || (CAST(?2 AS text[]))[1 + CAST(floor(random() * 40) AS int)] || ' '
                                     || CASE WHEN f.father LIKE '%й' THEN left(f.father, -1) || 'евич' ELSE f.father || 'ович' END
                                ELSE s.surname || 'а ' || (CAST(?3 AS text[]))[1 + CAST(floor(random() * 40) AS int)] || ' '
                                     || CASE WHEN f.father LIKE '%й' THEN left(f.father, -1) || 'евна' ELSE f.father || 'овна' END END,
                           '+79' || lpad(CAST((CAST(g AS bigint) * 2654435761) % 1000000000 AS text), 9, '0'),
                           (CAST(?5 AS text[]))[1 + g % 40] || '.' || (g / 40) || '@' || (CAST(?6 AS text[]))[1 + (g / 7) % 6],
                           'FITNESS', CASE WHEN g % 500 = 0 THEN NULL ELSE 'manager-' || (g % 50) END, ?7, ?7,
                           'IMPORT', 1, 100000 + g % 500000, 0, 0
                    FROM generate_series(1, ?8) g
                    CROSS JOIN LATERAL (SELECT (CAST(?1 AS text[]))[1 + CAST(floor(random() * 100) AS int)] AS surname WHERE g > 0) s
                    CROSS JOIN LATERAL (SELECT (CAST(?4 AS text[]))[1 + CAST(floor(random() * 30) AS int)] AS father WHERE g > 0) f""")
                    .setParameter(1, array(SURNAMES)).setParameter(2, array(MEN)).setParameter(3, array(WOMEN))
                    .setParameter(4, array(FATHERS)).setParameter(5, array(LOGINS)).setParameter(6, array(DOMAINS))
                    .setParameter(7, now).setParameter(8, CUSTOMERS).executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO customer_contact (customer_id, kind, value, position)
                    SELECT id, 'PHONE', phone, 0 FROM customer WHERE registered_via = 'IMPORT'
                    UNION ALL
                    SELECT id, 'EMAIL', email, 0 FROM customer WHERE registered_via = 'IMPORT'""")
                    .executeUpdate();
        });
        long generated = System.nanoTime();
        QuarkusTransaction.requiringNew().timeout(3600).run(() -> gin.forEach(index -> em.createNativeQuery(
                (String) index[1]).executeUpdate()));
        long indexed = System.nanoTime();
        // R22: manager-11 deputises for manager-3 during the run
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO deputyship (absence_id, manager_id, deputy_id, starts_at, ends_at)
                VALUES (gen_random_uuid(), 'manager-3', 'manager-11', ?1, ?2)""").setParameter(1, now.minusDays(1))
                .setParameter(2, now.plusDays(30)).executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("ANALYZE customer; ANALYZE customer_contact").executeUpdate());
        long count = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM customer").getSingleResult()).longValue());
        long distinct = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(DISTINCT name) FROM customer").getSingleResult()).longValue());
        assertTrue(count >= CUSTOMERS, "generated: " + count);
        print(String.format("BENCH generated %d customers (%d distinct names) and %d contacts in %d s; trigram indexes "
                + "%s built in %d s (%s)", CUSTOMERS, distinct, 2 * CUSTOMERS, (generated - t0) / 1_000_000_000,
                gin.stream().map(index -> (String) index[0]).toList(), (indexed - generated) / 1_000_000_000, uptime()));
        print("BENCH sample names: " + QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT string_agg(name || ' ' || phone || ' ' || email, '; ') FROM (SELECT * FROM customer "
                        + "WHERE registered_via = 'IMPORT' LIMIT 4) s").getSingleResult()));
        explain("the name branch for a common surname (capped)", "lower(c.name) LIKE '%иванов%'");
        explain("the name branch for a 3-letter fragment (capped)", "lower(c.name) LIKE '%ова%'");
        explain("the name branch for a full name", "lower(c.name) LIKE '%смирнова%' AND lower(c.name) LIKE '%анна%' "
                + "AND lower(c.name) LIKE '%петровна%'");
        // the search's own statement for "иванов" (a name word and, one word, a contact fragment), page 1
        explainSearch("the HEAD's search for a common surname (иванов)", null);
        explainSearch("a MANAGER's search for a common surname (иванов; R24: own and unowned)", List.of("manager-7"));
        explainSearch("a DEPUTY's search for a common surname (иванов; R22: own, manager-3's, unowned)",
                List.of("manager-11", "manager-3"));

        // loading a million customers raised the load: let it fade so the searches are measured alone
        print("BENCH " + ru.parus.platform.testing.QuietMachine.settle(1.0, java.time.Duration.ofSeconds(150)));
        Random random = new Random(42);
        measure("phone fragment, 6 digits (345678)", HEAD, i -> {
            String phone = String.format("%09d", phoneOf(1 + random.nextInt(CUSTOMERS)));
            int at = random.nextInt(4);
            return phone.substring(at, at + 6);
        });
        measure("phone written with spaces (912 345 67)", HEAD, i -> {
            String phone = "9" + String.format("%09d", phoneOf(1 + random.nextInt(CUSTOMERS)));
            return phone.substring(0, 3) + " " + phone.substring(3, 6) + " " + phone.substring(6, 8);
        });
        measure("whole phone as spoken (8 (912) 345-67-89)", HEAD, i -> {
            String phone = "9" + String.format("%09d", phoneOf(1 + random.nextInt(CUSTOMERS)));
            return "8 (" + phone.substring(0, 3) + ") " + phone.substring(3, 6) + "-" + phone.substring(6, 8) + "-"
                    + phone.substring(8);
        });
        measure("e-mail fragment (sport.1234)", HEAD, i -> {
            int g = 1 + random.nextInt(CUSTOMERS);
            return LOGINS[g % 40] + "." + g / 40;
        });
        measure("e-mail domain (@yandex.ru, @bk.ru, capped)", HEAD, i -> "@" + DOMAINS[random.nextInt(DOMAINS.length)]);
        // names of existing customers, as a manager hears them on the phone
        @SuppressWarnings("unchecked")
        List<String> names = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT lower(name) FROM customer TABLESAMPLE SYSTEM (1) REPEATABLE (42) WHERE registered_via = 'IMPORT' LIMIT 500")
                .getResultList());
        measure("full name (смирнова анна петровна)", HEAD, i -> names.get(random.nextInt(names.size())));
        measure("first name and surname (анна смирнова)", HEAD, i -> {
            String[] parts = names.get(random.nextInt(names.size())).split(" ");
            return parts[1] + " " + parts[0]; // the order a manager hears it
        });
        measure("surname and initials (смирнова а п)", HEAD, i -> {
            String[] parts = names.get(random.nextInt(names.size())).split(" ");
            return parts[0] + " " + parts[1].charAt(0) + " " + parts[2].charAt(0);
        });
        measure("surname (иванов, capped)", HEAD, i -> SURNAMES[random.nextInt(SURNAMES.length)].toLowerCase());
        measure("surname fragment, 4 letters (кузн, capped)", HEAD,
                i -> SURNAMES[random.nextInt(SURNAMES.length)].substring(0, 4).toLowerCase());
        measure("3-letter fragment (ова/ева/ина, capped)", HEAD, i -> new String[] { "ова", "ева", "ина" }[random.nextInt(3)]);
        measure("a MANAGER (1/50 of customers): surname and first name", MANAGER, i -> {
            String[] parts = names.get(random.nextInt(names.size())).split(" ");
            return parts[0] + " " + parts[1];
        });
        measure("a MANAGER: surname (иванов; own and unowned hits)", MANAGER,
                i -> SURNAMES[random.nextInt(SURNAMES.length)].toLowerCase());
        measure("a DEPUTY (own, a colleague's, unowned): surname", DEPUTY,
                i -> SURNAMES[random.nextInt(SURNAMES.length)].toLowerCase());

        if (DORMANCY) {
            dormancy(count);
        }
        print("BENCH load after: " + uptime());
        Path out = Path.of("target", "bench-customer-million.txt");
        Files.write(out, report);
        System.out.println("BENCH figures written to " + out.toAbsolutePath());
    }

    /** R14: 10,000 customers cross the threshold at once, by moving the clock: the scan alone, then the scheduled one. */
    private void dormancy(long count) throws ReflectiveOperationException {
        List<Long> idle = new ArrayList<>();
        scheduler.pause(DormancyScanner.JOB);
        try {
            for (int i = 0; i < 20; i++) {
                long s = System.nanoTime();
                scanner.scan();
                idle.add(System.nanoTime() - s);
            }
            print(String.format("BENCH dormancy scan with nothing due over %d customers: p50 %.1f ms, p99 %.1f ms (%s)",
                    count, p(idle, 50), p(idle, 99), uptime()));

            long before = outboxDormant();
            almostDue(CROSSING);
            clock.advance(Duration.ofMinutes(2));
            explainScan();
            long s = System.nanoTime();
            int fired = scanner.scan().size();
            double ms = (System.nanoTime() - s) / 1e6;
            long written = outboxDormant() - before;
            print(String.format("BENCH dormancy scan called directly when %d crossed at once: fired %d, %d CustomerDormant "
                    + "rows in the outbox, in %.0f ms (batch %d) (%s)", CROSSING, fired, written, ms,
                    config.dormancyScanBatch(), uptime()));
            assertEquals(CROSSING, fired);
            assertEquals(CROSSING, written);
        } finally {
            scheduler.resume(DormancyScanner.JOB);
        }
        waitForRelay();
        // the scheduled scan (every parus.customer.dormancy-scan-every; 1 s in tests): crossing to 10,000 outbox rows
        long before = outboxDormant();
        almostDue(CROSSING);
        clock.advance(Duration.ofMinutes(2));
        long crossed = System.nanoTime();
        long written = 0;
        while (System.nanoTime() - crossed < 120_000_000_000L) {
            written = outboxDormant() - before;
            if (written >= CROSSING) {
                break;
            }
            sleep(10);
        }
        print(String.format("BENCH scheduled dormancy scan (every %s): %d CustomerDormant rows in the outbox %.0f ms after "
                + "%d crossed at once (%s)", config.dormancyScanEvery(), written, (System.nanoTime() - crossed) / 1e6,
                CROSSING, uptime()));
        assertEquals(CROSSING, written);
    }

    /** EXPLAIN ANALYZE of the scanner's statement (it runs, then the transaction is rolled back). */
    private void explainScan() throws ReflectiveOperationException {
        Field field = DormancyRepository.class.getDeclaredField("SCAN");
        field.setAccessible(true);
        String scan = (String) field.get(null);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        List<String> plan = new ArrayList<>();
        try {
            explained(scan, now, plan);
        } catch (RuntimeException e) {
            // the rollback-only transaction ends with an exception; the plan was read before
        }
        print("BENCH plan of one dormancy scan batch (rolled back):");
        plan.forEach(line -> print("BENCH   " + line));
    }

    @SuppressWarnings("unchecked")
    private void explained(String scan, OffsetDateTime now, List<String> plan) {
        QuarkusTransaction.requiringNew().run(() -> {
            List<String> lines = outbox.publishAll("EXPLAIN (ANALYZE, BUFFERS) " + scan, "dormant", "customer-events",
                    "Customer", EventType.of("bench", "Explain", 1))
                    .setParameter("threshold", now.minus(config.dormantAfter()))
                    .setParameter("batch", config.dormancyScanBatch()).setParameter("now", now)
                    .setParameter("nowText", now.toString())
                    .setParameter("dormantAfter", "P6M").getResultList();
            plan.addAll(lines);
            QuarkusTransaction.setRollbackOnly();
        });
    }

    /** n customers one minute before the threshold, so that a clock move makes them cross it together. */
    private void almostDue(int n) {
        OffsetDateTime soon = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(config.dormantAfter())
                .plusMinutes(1);
        int moved = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                UPDATE customer SET active_at = ?1 WHERE id IN (
                    SELECT id FROM customer WHERE registered_via = 'IMPORT' AND dormant_since IS NULL
                      AND active_at > ?1 LIMIT ?2)""")
                .setParameter(1, soon).setParameter(2, n).executeUpdate());
        assertEquals(n, moved);
    }

    private long outboxDormant() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM outbox WHERE event_type = 'ru.parus.customer.CustomerDormant.v1'")
                .getSingleResult()).longValue());
    }

    /** Lets the relay send the previous 10,000 before the next measurement. */
    private void waitForRelay() {
        long start = System.nanoTime();
        long pending = -1;
        while (System.nanoTime() - start < 120_000_000_000L) {
            pending = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "SELECT count(*) FROM outbox WHERE sent_at IS NULL").getSingleResult()).longValue());
            if (pending == 0) {
                break;
            }
            sleep(100);
        }
        print(String.format("BENCH relay sent the 10,000 CustomerDormant to Kafka in %.0f ms (%d left)",
                (System.nanoTime() - start) / 1e6, pending));
    }

    private static String randomName(Random random, boolean patronymic) {
        boolean man = random.nextBoolean();
        String surname = SURNAMES[random.nextInt(SURNAMES.length)] + (man ? "" : "а");
        String first = (man ? MEN : WOMEN)[random.nextInt(40)];
        String father = FATHERS[random.nextInt(FATHERS.length)];
        String middle = father.endsWith("й") ? father.substring(0, father.length() - 1) + (man ? "евич" : "евна")
                : father + (man ? "ович" : "овна");
        return (surname + " " + first + (patronymic ? " " + middle : "")).toLowerCase();
    }

    private void explain(String what, String condition) {
        @SuppressWarnings("unchecked")
        List<String> plan = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "EXPLAIN (ANALYZE, BUFFERS) SELECT c.id FROM customer c WHERE c.merged_into IS NULL AND c.erased_at IS NULL AND "
                        + condition + " LIMIT 1001").getResultList());
        print("BENCH plan of " + what + ":");
        plan.forEach(line -> print("BENCH   " + line));
    }

    /** EXPLAIN (ANALYZE, BUFFERS) of the statement CustomerSearch runs for "иванов", first page of 20. */
    private void explainSearch(String what, List<String> owners) {
        CustomerSearch.Statement statement = search.statement(List.of("иванов"), "иванов", null, owners,
                config.searchMaxHits());
        @SuppressWarnings("unchecked")
        List<String> plan = QuarkusTransaction.requiringNew().call(() -> {
            Query query = em.createNativeQuery("EXPLAIN (ANALYZE, BUFFERS) " + statement.page());
            statement.params().forEach(query::setParameter);
            return query.setParameter("offset", 0).setParameter("size", 20).getResultList();
        });
        print("BENCH plan of " + what + ":");
        plan.forEach(line -> print("BENCH   " + line));
    }

    private void measure(String what, String token, IntFunction<String> queries) {
        for (int i = 0; i < 10; i++) {
            call(token, queries.apply(i)); // warm-up
        }
        List<Long> times = new ArrayList<>();
        long hits = 0;
        int capped = 0;
        for (int i = 0; i < RUNS; i++) {
            String q = queries.apply(i);
            long s = System.nanoTime();
            JsonNode page = call(token, q);
            times.add(System.nanoTime() - s);
            hits += page.get("total").asLong();
            capped += page.get("totalIsLowerBound").asBoolean() ? 1 : 0;
        }
        print(String.format("BENCH GET /customers?q= %-58s p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  (avg total %d, "
                + "capped %d/%d) (%s)", what, p(times, 50), p(times, 90), p(times, 99), hits / RUNS, capped, RUNS, uptime()));
    }

    /** One keep-alive client, as a browser would hold: the figures are the server's, not connection set-ups. */
    private JsonNode call(String token, String q) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                    url + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + token)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), q + ": " + response.body());
            return mapper.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void print(String line) {
        System.out.println(line);
        report.add(line);
    }

    private static String array(String[] values) {
        return "{" + String.join(",", values) + "}";
    }

    private static String uptime() {
        try {
            return "load " + Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "load unknown";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double p(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
