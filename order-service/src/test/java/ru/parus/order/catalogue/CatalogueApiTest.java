package ru.parus.order.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.parus.order.catalogue.Catalogue.ADMIN;
import static ru.parus.order.catalogue.Catalogue.HEAD;
import static ru.parus.order.catalogue.Catalogue.MANAGER;
import static ru.parus.order.catalogue.Catalogue.create;
import static ru.parus.order.catalogue.Catalogue.product;
import static ru.parus.order.catalogue.Catalogue.sku;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ru.parus.infra.test.TestKafka;
import ru.parus.platform.testing.EventSchemas;
import ru.parus.platform.testing.SettableClock;

@QuarkusTest
class CatalogueApiTest {
    @Inject
    SettableClock clock;

    @AfterAll
    static void cleanUp() {
        Catalogue.takeTestProductsOffSale();
    }

    /** The service's now (the tests' clock may have been moved by other classes) plus {@code plus}. */
    static String now(Duration plus) {
        return OffsetDateTime.now(Catalogue.clock()).plus(plus).withNano(0).toString();
    }

    @Test
    void R1_theHeadAddsAProductWithVariantsAndCertificates_andCatalogueEventsTellOthers() {
        String a = sku("WHEY"), b = sku("WHEY");
        String id = given().auth().oauth2(HEAD).contentType(ContentType.JSON)
                .body(product("Протеин Тест", "PROTEIN", "\"LACTOMIN\",\"WATTN\"", "", 5, a, b))
                .post("/catalogue/products").then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("name", equalTo("Протеин Тест"))
                .body("purpose", equalTo("Восстановление после тренировок"))
                .body("usageRules", equalTo("30 г на 250 мл воды"))
                .body("storefronts", contains("LACTOMIN", "WATTN"))
                .body("certificates[0].url", equalTo("https://docs.example.org/c.pdf"))
                .body("variants.sku", hasItems(a, b))
                .body("variants.find { it.sku == '%s' }.name".formatted(a), equalTo("Протеин Тест, вкус 0, 900 г"))
                .body("inStock", equalTo(true))
                .extract().path("id");
        given().auth().oauth2(MANAGER).get("/catalogue/products/{id}", id).then().statusCode(200)
                .header("ETag", equalTo("\"0\"")).body("variants.size()", equalTo(2));
        // the variants are sellable units: orders price lines from them
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body("{\"customerId\":\"%s\",\"lines\":[{\"sku\":\"%s\",\"quantity\":2}]}".formatted(UUID.randomUUID(), a))
                .post("/orders").then().statusCode(201).body("totalKopecks", equalTo(200000));

        List<ConsumerRecord<String, String>> records = TestKafka.awaitRecords("catalogue-events", r -> id.equals(r.key()), 1,
                Duration.ofSeconds(10));
        assertEquals(1, records.size());
        assertEquals("ru.parus.catalog.ProductChanged.v1", TestKafka.header(records.get(0), "ce_type"));
        String payload = records.get(0).value();
        assertTrue(EventSchemas.violations("ProductChanged.v1", payload).isEmpty(),
                () -> EventSchemas.violations("ProductChanged.v1", payload) + " in " + payload);
        assertTrue(payload.contains("\"change\":\"CREATED\"") && payload.contains(a));
    }

    @Test
    void R1_anEditNeedsTheVersionItWasMadeOn() {
        String a = sku("CASEIN"), b = sku("CASEIN");
        String id = create(product("Казеин Тест", "PROTEIN", "\"WATTN\"", "", 3, a, b));
        String edit = product("Казеин Тест Плюс", "PROTEIN", "\"WATTN\"", "", 7, a);
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body(edit).put("/catalogue/products/{id}", id)
                .then().statusCode(428).contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:precondition-required"));
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(edit)
                .put("/catalogue/products/{id}", id).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("name", equalTo("Казеин Тест Плюс"))
                .body("variants.find { it.sku == '%s' }.stock".formatted(a), equalTo(7))
                .body("variants.find { it.sku == '%s' }.active".formatted(b), equalTo(false));
        // a second edit made on the old version is refused, not lost
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(edit)
                .put("/catalogue/products/{id}", id).then().statusCode(412)
                .body("type", equalTo("urn:parus:problem:precondition-failed")).body("currentVersion", equalTo(1));
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).header("If-Match", "bogus").body(edit)
                .put("/catalogue/products/{id}", id).then().statusCode(400).body("errors.field", hasItem("If-Match"));
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(edit)
                .put("/catalogue/products/{id}", UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo("urn:parus:problem:not-found"));
        List<ConsumerRecord<String, String>> records = TestKafka.awaitRecords("catalogue-events", r -> id.equals(r.key()), 2,
                Duration.ofSeconds(10));
        assertEquals(2, records.size());
        assertTrue(records.get(1).value().contains("\"change\":\"UPDATED\""));
        assertTrue(EventSchemas.violations("ProductChanged.v1", records.get(1).value()).isEmpty());
    }

    @Test
    void R1_onlyTheHeadOrAnAdminEditsTheCatalogue() {
        String json = product("Не мой товар", "BARS", "\"LACTOMIN\"", "", 1, sku("BAR"));
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(json).post("/catalogue/products")
                .then().statusCode(403).body("type", equalTo("urn:parus:problem:forbidden"));
        given().contentType(ContentType.JSON).body(json).post("/catalogue/products")
                .then().statusCode(401).body("type", equalTo("urn:parus:problem:unauthorized"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(json).post("/catalogue/products")
                .then().statusCode(201);
    }

    @Test
    void R1_R2_badProductsAreProblemsListingTheFields() {
        String taken = sku("TAKEN");
        create(product("Занятый SKU", "BARS", "\"LACTOMIN\"", "", 1, taken));
        String dup = sku("DUP");
        given().auth().oauth2(HEAD).contentType(ContentType.JSON)
                .body(product("Плохой", "SWEETS", "\"OZON\"", ",\"featuredFrom\":\"2026-12-01T00:00:00Z\",\"featuredUntil\":\"2026-11-01T00:00:00Z\",\"newUntil\":\"2026-11-01T00:00:00Z\"",
                        1, dup, dup, taken, "bad sku"))
                .post("/catalogue/products").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:validation"))
                .body("errors.field", hasItems("category", "storefronts[0]", "featuredUntil", "newFrom",
                        "variants[1].sku", "variants[2].sku", "variants[3].sku"));
        given().auth().oauth2(HEAD).contentType(ContentType.JSON)
                .body("{\"name\":\"\",\"category\":\"BARS\",\"storefronts\":[],\"variants\":[{\"sku\":\"T-X\",\"priceKopecks\":-1}]}")
                .post("/catalogue/products").then().statusCode(400)
                .body("errors.field", hasItems("name", "storefronts", "variants[0].priceKopecks", "variants[0].stock"));
        given().auth().oauth2(HEAD).contentType(ContentType.JSON)
                .body(product("Ссылка", "BARS", "\"LACTOMIN\"", "", 1, sku("URL")).replace("https://docs.example.org/c.pdf", "ftp:x"))
                .post("/catalogue/products").then().statusCode(400).body("errors.field", hasItem("certificates[0].url"));
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body("{\"name\":").post("/catalogue/products")
                .then().statusCode(400).body("type", equalTo("urn:parus:problem:malformed-request"));
        given().auth().oauth2(HEAD).contentType(ContentType.JSON)
                .body(product("Дата", "BARS", "\"LACTOMIN\"", ",\"newFrom\":\"завтра\"", 1, sku("DATE")))
                .post("/catalogue/products").then().statusCode(400).body("type", equalTo("urn:parus:problem:malformed-request"))
                .body("errors.field", hasItem("newFrom"));
        given().auth().oauth2(MANAGER).get("/catalogue/products/{id}", "not-a-uuid").then().statusCode(404);
        given().auth().oauth2(MANAGER).get("/catalogue/products?size=500&storefront=lower").then().statusCode(400)
                .body("errors.field", hasItems("size", "storefront"));
    }

    @Test
    void R1_managersSearchByTextCategoryStorefrontAndStock() {
        String token = "Зубр" + UUID.randomUUID().toString().substring(0, 6);
        String whey = create(product("Протеин " + token, "PROTEIN", "\"LACTOMIN\"", "", 10, sku("S1")));
        String bar = create(product("Батончик " + token, "BARS", "\"WATTN\"", "", 10, sku("S2")));
        String gone = create(product("Гейнер " + token, "GAINER", "\"LACTOMIN\",\"WATTN\"", "", 0, sku("S3")));
        String q = token.toLowerCase(); // case-insensitive, Cyrillic
        given().auth().oauth2(MANAGER).get("/catalogue/products?q={q}", q).then().statusCode(200)
                .body("total", equalTo(3)).body("items.id", hasItems(whey, bar, gone));
        given().auth().oauth2(MANAGER).get("/catalogue/products?q={q}&category=BARS", q).then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(bar));
        given().auth().oauth2(MANAGER).get("/catalogue/products?q={q}&storefront=LACTOMIN", q).then()
                .body("total", equalTo(2)).body("items.id", hasItems(whey, gone));
        given().auth().oauth2(MANAGER).get("/catalogue/products?q={q}&inStock=true", q).then()
                .body("total", equalTo(2)).body("items.id", not(hasItem(gone)));
        given().auth().oauth2(MANAGER).get("/catalogue/products?q={q}&size=2&page=1", q).then()
                .body("total", equalTo(3)).body("items.size()", equalTo(1)).body("items[0].id", equalTo(whey));
        given().auth().oauth2(MANAGER).get("/catalogue/products?q=%25{q}", token).then().body("total", equalTo(0));
    }

    /**
     * The clock only moves forward (platform-testing's SettableClock, shared by the tests of the application), so the
     * featured period is short: it starts in an hour and ends in two.
     */
    @Test
    void R2_newAndFeaturedHoldOnlyWithinTheirPeriodByTheClock() {
        String token = "Флаг" + UUID.randomUUID().toString().substring(0, 6);
        String id = create(product("Аминокислоты " + token, "AMINO_ACIDS", "\"LACTOMIN\"",
                ",\"featuredFrom\":\"%s\",\"featuredUntil\":\"%s\",\"newFrom\":\"%s\"".formatted(now(Duration.ofHours(1)),
                        now(Duration.ofHours(2)), now(Duration.ofMinutes(-1))), 10, sku("FLAG")));
        given().auth().oauth2(MANAGER).get("/catalogue/products?q={q}&featured=true", token).then().body("total", equalTo(0));
        given().auth().oauth2(MANAGER).get("/catalogue/products?q={q}&new=true", token).then().body("total", equalTo(1));
        clock.advance(Duration.ofMinutes(90));
        given().auth().oauth2(MANAGER).get("/catalogue/products?q={q}&featured=true", token).then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(id)).body("items[0].featured", equalTo(true));
        clock.advance(Duration.ofMinutes(60));
        given().auth().oauth2(MANAGER).get("/catalogue/products?q={q}&featured=true", token).then().body("total", equalTo(0));
        given().auth().oauth2(MANAGER).get("/catalogue/products?q={q}&featured=false", token).then().body("total", equalTo(1));
    }
}
