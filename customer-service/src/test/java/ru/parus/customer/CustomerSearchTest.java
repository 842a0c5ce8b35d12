package ru.parus.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ru.parus.infra.test.TestInfra;

/** Search during a call by any part of a phone, a name or an e-mail; R24 limits a manager to their customers. */
@QuarkusTest
class CustomerSearchTest {
    static final String HEAD = TestInfra.token("head-1", "HEAD");
    static final String OWNER = TestInfra.token("manager-s1", "MANAGER");
    static final String OTHER = TestInfra.token("manager-s2", "MANAGER");

    @Inject
    EntityManager em;

    static String create(String token, String name, String phone, String email) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("""
                        {"name":"%s","phone":"%s","email":"%s","type":"FITNESS"}""".formatted(name, phone, email))
                .post("/customers").then().statusCode(201).extract().path("id");
    }

    @Test
    void R24_findsByAnyPartOfPhoneNameOrEmailAndAManagerOnlyTheirOwn() {
        String tail = String.valueOf(1000000 + (int) (Math.random() * 8999999));
        String surname = "Кузнецова" + UUID.randomUUID().toString().substring(0, 6);
        String mail = "kuz." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String id = create(OWNER, "Мария " + surname, "8 (919) " + tail, mail);

        for (String q : new String[] { tail.substring(2, 6), "919 " + tail.substring(0, 3), "8 919 " + tail,
                surname.toUpperCase(), mail.substring(0, 10) }) {
            given().auth().oauth2(OWNER).queryParam("q", q).get("/customers").then().statusCode(200)
                    .body("items.id", hasItem(id));
        }
        given().auth().oauth2(HEAD).queryParam("q", surname).get("/customers").then().statusCode(200)
                .body("total", equalTo(1)).body("totalIsLowerBound", equalTo(false))
                .body("items[0].phone", equalTo("+7919" + tail));
        given().auth().oauth2(OTHER).queryParam("q", surname).get("/customers").then().statusCode(200)
                .body("total", equalTo(0)).body("items.id", not(hasItem(id)));
    }

    @Test
    void searchIsPaginated() {
        String family = "Пагинова" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            create(HEAD, family + " " + i, "+7 919 " + (1000000 + (int) (Math.random() * 8999999)),
                    UUID.randomUUID() + "@example.org");
        }
        given().auth().oauth2(HEAD).queryParam("q", family).queryParam("size", 2).get("/customers").then()
                .body("total", equalTo(3)).body("items.size()", equalTo(2)).body("items[0].name", equalTo(family + " 0"));
        given().auth().oauth2(HEAD).queryParam("q", family).queryParam("size", 2).queryParam("page", 1).get("/customers")
                .then().body("items.size()", equalTo(1)).body("items[0].name", equalTo(family + " 2"));
        given().auth().oauth2(HEAD).queryParam("q", family).queryParam("size", 100).queryParam("page", Integer.MAX_VALUE)
                .get("/customers").then().statusCode(200).body("total", equalTo(3)).body("items", empty());
    }

    @Test
    void nameWordsMatchInAnyOrderAndShortWordsOnlyNarrow() {
        String surname = "Словесова" + UUID.randomUUID().toString().substring(0, 6);
        String id = create(HEAD, surname + " Анна Петровна", "+7 919 " + (1000000 + (int) (Math.random() * 8999999)),
                UUID.randomUUID() + "@example.org");
        String other = create(HEAD, surname + " Ольга Ивановна", "+7 919 " + (1000000 + (int) (Math.random() * 8999999)),
                UUID.randomUUID() + "@example.org");
        given().auth().oauth2(HEAD).queryParam("q", "анна " + surname).get("/customers").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id));
        given().auth().oauth2(HEAD).queryParam("q", "  Петровна   " + surname.toUpperCase() + " ").get("/customers").then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(id));
        // a word of 1-2 letters narrows the hits of the others as the start of a word: initials
        given().auth().oauth2(HEAD).queryParam("q", surname + " о").get("/customers").then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(other));
        given().auth().oauth2(HEAD).queryParam("q", surname + " а п").get("/customers").then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(id));
        given().auth().oauth2(HEAD).queryParam("q", surname + " на").get("/customers").then()
                .body("total", equalTo(0)); // "на" ends Анна and Петровна but starts no word
        given().auth().oauth2(HEAD).queryParam("q", surname).get("/customers").then()
                .body("total", equalTo(2)).body("items.id", contains(id, other)); // by name: Анна before Ольга
        given().auth().oauth2(HEAD).queryParam("q", "мария " + surname).get("/customers").then()
                .body("total", equalTo(0)).body("items", empty());
    }

    @Test
    void badSearchParametersAreProblems() {
        // a manager typing the first letters or digits gets a clear 400, not thousands of hits
        for (String q : new String[] { "ab", "Ив", "  ив  ", "91", "8 9", "a.b", "%%%", "___", "ив ан ов" }) {
            given().auth().oauth2(HEAD).queryParam("q", q).get("/customers").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("q"));
        }
        given().auth().oauth2(HEAD).queryParam("q", "x".repeat(101)).get("/customers").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("q"));
        given().auth().oauth2(HEAD).get("/customers").then().statusCode(400).body("errors.field", hasItem("q"));
        given().auth().oauth2(HEAD).queryParam("q", "abc").queryParam("size", 1000).get("/customers").then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(HEAD).queryParam("q", "abc").queryParam("page", "x").get("/customers").then()
                .statusCode(404).contentType("application/problem+json");
        // a whole short e-mail has no 3 letters in a row but is found (its separators give trigrams)
        String login = letters(2);
        String mail = login + "@" + letters(2) + ".ru";
        String id = create(HEAD, "Краткова " + letters(6), "+7 919 " + (1000000 + (int) (Math.random() * 8999999)), mail);
        given().auth().oauth2(HEAD).queryParam("q", mail.toUpperCase()).get("/customers").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id));
        given().auth().oauth2(HEAD).queryParam("q", login).get("/customers").then().statusCode(400)
                .contentType("application/problem+json");
        // three digits of a phone are enough, however spaced; 100 characters too
        given().auth().oauth2(HEAD).queryParam("q", "9 1 9").get("/customers").then().statusCode(200);
        given().auth().oauth2(HEAD).queryParam("q", "x".repeat(100)).get("/customers").then().statusCode(200)
                .body("total", equalTo(0));
    }

    /** Inserts customers named {@code <family> <n>} owned by {@code owner}, dormant already so that scans skip them. */
    void generate(String family, int from, int to, String owner) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO customer (id, name, type, owner_manager_id, created_at, active_at, dormant_since,
                                      dormancy_episode, registered_via)
                SELECT gen_random_uuid(), :family || ' ' || lpad(g::text, 5, '0'), 'FITNESS', :owner, now(), now(), now(), 1, 'PHONE'
                FROM generate_series(:from, :to) g""").setParameter("family", family).setParameter("owner", owner)
                .setParameter("from", from).setParameter("to", to).executeUpdate());
    }

    @Test
    void aCommonNameCountsUpToTheCapAndSaysSo() {
        String family = "Частова" + UUID.randomUUID().toString().substring(0, 6);
        generate(family, 1, 1005, null);
        given().auth().oauth2(HEAD).queryParam("q", family).get("/customers").then().statusCode(200)
                .body("total", equalTo(1000)).body("totalIsLowerBound", equalTo(true))
                .body("items.size()", equalTo(20)).body("items.name", equalTo(sortedNames(
                        given().auth().oauth2(HEAD).queryParam("q", family).get("/customers").then().extract()
                                .jsonPath().getList("items.name", String.class))));
        // pages end at the cap
        given().auth().oauth2(HEAD).queryParam("q", family).queryParam("page", 49).get("/customers").then()
                .statusCode(200).body("items.size()", equalTo(20)).body("total", equalTo(1000))
                .body("totalIsLowerBound", equalTo(true));
        given().auth().oauth2(HEAD).queryParam("q", family).queryParam("page", 50).get("/customers").then()
                .statusCode(200).body("items", empty()).body("total", equalTo(1000))
                .body("totalIsLowerBound", equalTo(true));
        // exactly at the cap the total is exact
        String exact = "Ровнова" + UUID.randomUUID().toString().substring(0, 6);
        generate(exact, 1, 1000, null);
        given().auth().oauth2(HEAD).queryParam("q", exact).queryParam("size", 100).queryParam("page", 3)
                .get("/customers").then().statusCode(200).body("total", equalTo(1000))
                .body("totalIsLowerBound", equalTo(false)).body("items.size()", equalTo(100))
                .body("items[0].name", equalTo(exact + " 00301")); // exact: the pages run through all hits by name
        given().auth().oauth2(HEAD).queryParam("q", exact).queryParam("page", 50).get("/customers").then()
                .statusCode(200).body("items", empty()).body("total", equalTo(1000))
                .body("totalIsLowerBound", equalTo(false));
    }

    @Test
    void R24_theVisibilityFilterComesBeforeTheCap() {
        String family = "Чужова" + UUID.randomUUID().toString().substring(0, 6);
        generate(family, 1, 1500, "manager-s2"); // another manager's customers first: the scan meets them first
        generate(family, 1501, 1502, "manager-s1");
        given().auth().oauth2(OWNER).queryParam("q", family).get("/customers").then().statusCode(200)
                .body("total", equalTo(2)).body("totalIsLowerBound", equalTo(false))
                .body("items.name", contains(family + " 01501", family + " 01502"));
        given().auth().oauth2(OTHER).queryParam("q", family).get("/customers").then().statusCode(200)
                .body("total", equalTo(1000)).body("totalIsLowerBound", equalTo(true))
                .body("items.name", not(hasItem(family + " 01501")));
        given().auth().oauth2(HEAD).queryParam("q", family + " 01501").get("/customers").then().statusCode(200)
                .body("total", equalTo(1)).body("totalIsLowerBound", equalTo(false));
    }

    static String letters(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + (int) (Math.random() * 26)));
        }
        return s.toString();
    }

    static java.util.List<String> sortedNames(java.util.List<String> names) {
        return names.stream().sorted().toList();
    }

    /** Prints the time of searches over 100,000 generated customers (no timing assertion: a shared 2-core machine). */
    @Test
    void searchTimeOverAHundredThousandCustomers() {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        long t0 = System.nanoTime();
        // generated customers are marked dormant already so that the dormancy scans of other tests skip them
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    INSERT INTO customer (id, name, phone, email, type, owner_manager_id, created_at, active_at,
                                          dormant_since, dormancy_episode, registered_via)
                    SELECT gen_random_uuid(), 'Генерат ' || :b || ' ' || g, '+7999' || lpad(g::text, 7, '0'),
                           'gen' || g || '.' || :b || '@example.org', 'FITNESS', 'perf-manager', now(), now(), now(), 1, 'PHONE'
                    FROM generate_series(1, 100000) g""").setParameter("b", batch).executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO customer_contact (customer_id, kind, value, position)
                    SELECT id, 'PHONE', phone, 0 FROM customer WHERE name LIKE 'Генерат ' || :b || ' %'
                    UNION ALL
                    SELECT id, 'EMAIL', email, 0 FROM customer WHERE name LIKE 'Генерат ' || :b || ' %'""")
                    .setParameter("b", batch).executeUpdate();
            em.createNativeQuery("ANALYZE customer; ANALYZE customer_contact").executeUpdate();
        });
        System.out.printf("search benchmark: generated 100000 customers in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        boolean trigram = QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery(
                "SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").getResultList().isEmpty());
        System.out.println("search benchmark: pg_trgm installed = " + trigram);
        for (String q : new String[] { "0045678", "999 004 56", "Генерат " + batch + " 77777", "gen4242." + batch }) {
            given().auth().oauth2(HEAD).queryParam("q", q).get("/customers").then().statusCode(200); // warm-up
            long start = System.nanoTime();
            int runs = 5;
            long total = 0;
            for (int i = 0; i < runs; i++) {
                total = given().auth().oauth2(HEAD).queryParam("q", q).get("/customers").then().statusCode(200)
                        .extract().jsonPath().getLong("total");
            }
            System.out.printf("search benchmark: q=%-30s hits=%d  %.1f ms per HTTP search (avg of %d)%n", q, total,
                    (System.nanoTime() - start) / 1e6 / runs, runs);
            assertTrue(total >= 1, q);
        }
    }
}
