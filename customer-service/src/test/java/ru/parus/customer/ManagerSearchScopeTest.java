package ru.parus.customer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import ru.parus.infra.test.TestInfra;
import ru.parus.infra.test.TestKafka;
import ru.parus.platform.testing.EventSchemas;

/**
 * R24 (issue 17): a manager's search reads their own customers, those of a colleague they deputise for (R22) and
 * the unowned ones as separate branches (an owner index and an unowned index); these tests pin that scope and
 * that the branches' hits are counted, capped and sorted as one list.
 */
@QuarkusTest
class ManagerSearchScopeTest {
    static final String HEAD = TestInfra.token("head-1", "HEAD");

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /** A customer with one phone contact, inserted as an import would; dormant already so that scans skip it. */
    UUID insert(String name, String owner, String phone) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    INSERT INTO customer (id, name, phone, type, owner_manager_id, created_at, active_at, dormant_since,
                                          dormancy_episode, registered_via)
                    VALUES (:id, :name, :phone, 'FITNESS', :owner, now(), now(), now(), 1, 'PHONE')""")
                    .setParameter("id", id).setParameter("name", name).setParameter("phone", phone)
                    .setParameter("owner", owner).executeUpdate();
            em.createNativeQuery("INSERT INTO customer_contact (customer_id, kind, value, position) VALUES (:id, 'PHONE', :phone, 0)")
                    .setParameter("id", id).setParameter("phone", phone).executeUpdate();
        });
        return id;
    }

    void sql(String statement, Object id) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).setParameter("id", id).executeUpdate());
    }

    /** {@code <family> <n>} for n in from..to, owned by owner (null: nobody). */
    void generate(String family, int from, int to, String owner) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO customer (id, name, type, owner_manager_id, created_at, active_at, dormant_since,
                                      dormancy_episode, registered_via)
                SELECT gen_random_uuid(), :family || ' ' || lpad(g::text, 5, '0'), 'FITNESS', :owner, now(), now(), now(), 1, 'PHONE'
                FROM generate_series(:from, :to) g""").setParameter("family", family).setParameter("owner", owner)
                .setParameter("from", from).setParameter("to", to).executeUpdate());
    }

    static String phone() {
        return "+7922" + (1000000 + (int) (Math.random() * 8999999));
    }

    static String family(String stem) {
        return stem + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void R24_aManagerFindsOwnAndUnownedCustomersWithTheSurnameNeverAnotherManagers() {
        String me = "manager-r" + System.nanoTime();
        String colleague = "manager-q" + System.nanoTime();
        String family = family("Обзорова");
        // own and unowned interleave by name: the page is sorted across the two branches
        UUID anna = insert(family + " Анна", me, phone());
        String bellaPhone = phone();
        insert(family + " Белла", null, bellaPhone);
        insert(family + " Вера", me, phone());
        insert(family + " Галина", null, phone());
        String allaPhone = phone();
        insert(family + " Алла", colleague, allaPhone);
        insert(family + " Дарья", colleague, phone());
        // R24: an erased customer and a merged one are nobody to find, whoever owns them
        sql("UPDATE customer SET erased_at = now() WHERE id = :id", insert(family + " Ева", me, phone()));
        UUID merged = insert(family + " Жанна", me, phone());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE customer SET merged_into = :into, merged_at = now() WHERE id = :id").setParameter("into", anna)
                .setParameter("id", merged).executeUpdate());
        String mine = TestInfra.token(me, "MANAGER");

        given().auth().oauth2(mine).queryParam("q", family).get("/customers").then().statusCode(200)
                .body("total", equalTo(4)).body("totalIsLowerBound", equalTo(false))
                .body("items.name", contains(family + " Анна", family + " Белла", family + " Вера", family + " Галина"));
        given().auth().oauth2(mine).queryParam("q", family).queryParam("size", 2).queryParam("page", 1).get("/customers")
                .then().statusCode(200).body("total", equalTo(4))
                .body("items.name", contains(family + " Вера", family + " Галина"));
        given().auth().oauth2(mine).queryParam("q", "белла " + family.toLowerCase()).get("/customers").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].ownerManagerId", nullValue());
        // never another manager's: not by name, not by phone
        given().auth().oauth2(mine).queryParam("q", "алла " + family).get("/customers").then().statusCode(200)
                .body("total", equalTo(0)).body("items", empty());
        given().auth().oauth2(mine).queryParam("q", allaPhone.substring(4)).get("/customers").then().statusCode(200)
                .body("items.name", not(hasItem(family + " Алла")))
                .body("items.ownerManagerId", everyItem(anyOf(equalTo(me),
                        nullValue())));
        given().auth().oauth2(mine).queryParam("q", bellaPhone.substring(4)).get("/customers").then().statusCode(200)
                .body("items.name", hasItem(family + " Белла"));
        // the colleague sees their own and the same unowned ones
        given().auth().oauth2(TestInfra.token(colleague, "MANAGER")).queryParam("q", family).get("/customers").then()
                .statusCode(200).body("total", equalTo(4))
                .body("items.name", contains(family + " Алла", family + " Белла", family + " Галина", family + " Дарья"));
        // the head sees all six that are neither erased nor merged
        given().auth().oauth2(HEAD).queryParam("q", family).get("/customers").then().statusCode(200)
                .body("total", equalTo(6)).body("items.name", everyItem(startsWith(family)));
    }

    @Test
    void R24_theCapCountsTheOwnAndUnownedHitsTogether() {
        String me = "manager-p" + System.nanoTime();
        String family = family("Сводова");
        generate(family, 1, 600, me);
        generate(family, 601, 1100, null);
        generate(family, 1101, 2600, "manager-other" + System.nanoTime());
        String mine = TestInfra.token(me, "MANAGER");
        given().auth().oauth2(mine).queryParam("q", family).get("/customers").then().statusCode(200)
                .body("total", equalTo(1000)).body("totalIsLowerBound", equalTo(true)).body("items.size()", equalTo(20))
                .body("items.name", equalTo(CustomerSearchTest.sortedNames(given().auth().oauth2(mine)
                        .queryParam("q", family).get("/customers").then().extract().jsonPath().getList("items.name", String.class))));
        // a manager who owns none of them counts the 500 unowned exactly and pages through them by name
        String stranger = TestInfra.token("manager-o" + System.nanoTime(), "MANAGER");
        given().auth().oauth2(stranger).queryParam("q", family).queryParam("size", 100).queryParam("page", 4)
                .get("/customers").then().statusCode(200).body("total", equalTo(500))
                .body("totalIsLowerBound", equalTo(false)).body("items.size()", equalTo(100))
                .body("items[0].name", equalTo(family + " 01001")).body("items[99].name", equalTo(family + " 01100"));
    }

    @Test
    void R22_R24_aDeputyFindsTheAbsentColleaguesCustomersWithTheSurnameToo() throws Exception {
        String absent = "manager-n" + System.nanoTime();
        String deputy = "manager-m" + System.nanoTime();
        String family = family("Заменова");
        insert(family + " Анна", absent, phone());
        insert(family + " Вера", deputy, phone());
        insert(family + " Галина", null, phone());
        insert(family + " Дарья", absent, phone());
        insert(family + " Белла", "manager-l" + System.nanoTime(), phone());
        String deputyToken = TestInfra.token(deputy, "MANAGER");
        given().auth().oauth2(deputyToken).queryParam("q", family).get("/customers").then().statusCode(200)
                .body("total", equalTo(2)).body("items.name", contains(family + " Вера", family + " Галина"));

        Instant now = clock.instant();
        ObjectNode started = (ObjectNode) new ObjectMapper().readTree(EventSchemas.examples("ManagerAbsenceStarted.v1").get(0));
        started.put("absenceId", UUID.randomUUID().toString()).put("managerId", absent).put("deputyId", deputy)
                .put("startsAt", now.minus(1, ChronoUnit.HOURS).toString())
                .put("endsAt", now.plus(3650, ChronoUnit.DAYS).toString());
        TestKafka.send("callcenter-events", absent, started.toString(), TestKafka.cloudEventHeaders(
                UUID.randomUUID().toString(), "ru.parus.callcenter.ManagerAbsenceStarted.v1"));

        // R22: while deputising, the absent colleague's customers are found as well; never a third manager's
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(deputyToken)
                .queryParam("q", family).get("/customers").then().statusCode(200).body("total", equalTo(4))
                .body("items.name", contains(family + " Анна", family + " Вера", family + " Галина", family + " Дарья")));
        given().auth().oauth2(deputyToken).queryParam("q", "белла " + family).get("/customers").then().statusCode(200)
                .body("total", equalTo(0));
    }
}
