package ru.parus.customer;

import static io.restassured.RestAssured.given;
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
                .body("total", equalTo(1)).body("items[0].phone", equalTo("+7919" + tail));
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
    }

    @Test
    void badSearchParametersAreProblems() {
        given().auth().oauth2(HEAD).queryParam("q", "ab").get("/customers").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("q"));
        given().auth().oauth2(HEAD).get("/customers").then().statusCode(400).body("errors.field", hasItem("q"));
        given().auth().oauth2(HEAD).queryParam("q", "abc").queryParam("size", 1000).get("/customers").then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(HEAD).queryParam("q", "abc").queryParam("page", "x").get("/customers").then()
                .statusCode(404).contentType("application/problem+json");
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
