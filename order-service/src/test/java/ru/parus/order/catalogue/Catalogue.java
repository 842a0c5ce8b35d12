package ru.parus.order.catalogue;

import static io.restassured.RestAssured.given;

import java.time.Clock;
import java.util.UUID;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import jakarta.persistence.EntityManager;
import ru.parus.infra.test.TestInfra;

/** Test helpers: products of the catalogue under unique SKUs ({@code T-...}), taken off sale after each class. */
public final class Catalogue {
    public static final String HEAD = TestInfra.token("head-1", "HEAD");
    public static final String ADMIN = TestInfra.token("admin-1", "ADMIN");
    public static final String MANAGER = TestInfra.token("manager-1", "MANAGER");

    private Catalogue() {
    }

    public static String sku(String base) {
        return "T-" + base + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** A product JSON with one variant per SKU, all in stock unless stock says otherwise. */
    public static String product(String name, String category, String storefronts, String extra, int stock, String... skus) {
        StringBuilder variants = new StringBuilder();
        for (int i = 0; i < skus.length; i++) {
            variants.append(i == 0 ? "" : ",").append("""
                    {"sku":"%s","flavour":"вкус %d","size":"900 г","priceKopecks":%d,"stock":%d}""".formatted(skus[i], i,
                    100000 + i * 1000, stock));
        }
        return """
                {"name":"%s","purpose":"Восстановление после тренировок","usageRules":"30 г на 250 мл воды",
                 "category":"%s","storefronts":[%s],
                 "certificates":[{"title":"Декларация ЕАЭС","url":"https://docs.example.org/c.pdf","validUntil":"2027-06-30"}]
                 %s,"variants":[%s]}""".formatted(name, category, storefronts, extra, variants);
    }

    /** The application's clock (platform-testing's SettableClock, moved forward by other tests). */
    public static Clock clock() {
        return Arc.container().instance(Clock.class).get();
    }

    public static String create(String json) {
        return given().auth().oauth2(HEAD).contentType(ContentType.JSON).body(json).post("/catalogue/products")
                .then().statusCode(201).extract().path("id");
    }

    /** Keeps the first flow's catalogue of 10 SKUs what the other tests expect. */
    public static void takeTestProductsOffSale() {
        if (Arc.container() == null) {
            return; // the application did not start
        }
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE product SET active = FALSE WHERE sku LIKE 'T-%'").executeUpdate());
    }
}
