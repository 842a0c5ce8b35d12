package ru.parus.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import ru.parus.infra.test.TestKafka;
import ru.parus.order.catalogue.Catalogue;

/**
 * R25's settings: a variant's consumption figures through the catalogue API (validated, in the view and in
 * ProductChanged), the head's call-or-message choice per category, and the family of each line in OrderPlaced.
 */
@QuarkusTest
class ReplenishmentSettingsTest {
    @Inject
    ObjectMapper mapper;

    @AfterAll
    static void offSale() {
        Catalogue.takeTestProductsOffSale();
    }

    static String product(String variant) {
        return """
                {"name":"R25 %s","purpose":"p","usageRules":"u","category":"CREATINE","storefronts":["WATTN"],
                 "variants":[%s]}""".formatted(UUID.randomUUID(), variant);
    }

    static String variant(String sku, String figures) {
        return """
                {"sku":"%s","priceKopecks":51000,"stock":10%s}""".formatted(sku, figures);
    }

    @Test
    void R25_consumptionFiguresAreValidatedAndSetTogetherOrNotAtAll() {
        String sku = Catalogue.sku("R25-VAL");
        for (String[] bad : new String[][] {
                { ",\"servingsPerPack\":30", "variants[0].dailyServings" },
                { ",\"dailyServings\":1", "variants[0].servingsPerPack" },
                { ",\"servingsPerPack\":0,\"dailyServings\":1", "variants[0].servingsPerPack" },
                { ",\"servingsPerPack\":30,\"dailyServings\":0", "variants[0].dailyServings" },
                { ",\"servingsPerPack\":30,\"dailyServings\":-1", "variants[0].dailyServings" },
                { ",\"servingsPerPack\":30,\"dailyServings\":0.0001", "variants[0].dailyServings" },
                { ",\"servingsPerPack\":30,\"dailyServings\":1000", "variants[0].dailyServings" } }) {
            given().auth().oauth2(Catalogue.HEAD).contentType(ContentType.JSON).body(product(variant(sku, bad[0])))
                    .post("/catalogue/products").then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:parus:problem:validation")).body("errors.field", hasItem(bad[1]));
        }
        given().auth().oauth2(Catalogue.HEAD).contentType(ContentType.JSON)
                .body(product(variant(sku, ",\"servingsPerPack\":\"many\",\"dailyServings\":1")))
                .post("/catalogue/products").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void R25_consumptionFiguresAreInTheVariantsViewAndInProductChanged() throws Exception {
        String with = Catalogue.sku("R25-WITH");
        String without = Catalogue.sku("R25-WITHOUT");
        String id = Catalogue.create(product(variant(with, ",\"servingsPerPack\":60,\"dailyServings\":1.5") + ","
                + variant(without, "")));
        given().auth().oauth2(Catalogue.MANAGER).get("/catalogue/products/{id}", id).then().statusCode(200)
                .body("variants.find { it.sku == '" + with + "' }.servingsPerPack", equalTo(60))
                .body("variants.find { it.sku == '" + with + "' }.dailyServings", equalTo(1.5f))
                .body("variants.find { it.sku == '" + without + "' }.servingsPerPack", nullValue())
                .body("variants.find { it.sku == '" + without + "' }.dailyServings", nullValue());
        List<ConsumerRecord<String, String>> records = TestKafka.awaitRecords("catalogue-events",
                r -> id.equals(r.key()), 1, Duration.ofSeconds(15));
        assertEquals(1, records.size());
        OrderLifecycleTest.assertValid("ProductChanged.v1", records.get(0).value());
        JsonNode variants = mapper.readTree(records.get(0).value()).get("variants");
        for (JsonNode v : variants) {
            if (v.get("sku").asText().equals(with)) {
                assertEquals(60, v.get("servingsPerPack").asInt());
                assertEquals(1.5, v.get("dailyServings").asDouble());
            } else {
                assertEquals(true, v.get("servingsPerPack").isNull());
            }
        }
    }

    @Test
    void R25_theHeadChoosesCallOrMessageFirstPerCategory() {
        given().auth().oauth2(Orders.MANAGER).get("/catalogue/categories/{c}/replenishment", "GAINER").then()
                .statusCode(200).body("contactFirst", equalTo("CALL")).body("changedBy", nullValue());
        given().auth().oauth2(Orders.MANAGER).contentType(ContentType.JSON).body("{\"contactFirst\":\"MESSAGE\"}")
                .put("/catalogue/categories/{c}/replenishment", "GAINER").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:parus:problem:forbidden"));
        given().auth().oauth2(Orders.HEAD).contentType(ContentType.JSON).body("{\"contactFirst\":\"MESSAGE\"}")
                .put("/catalogue/categories/{c}/replenishment", "GAINER").then().statusCode(200)
                .body("contactFirst", equalTo("MESSAGE")).body("changedBy", equalTo("head-1"));
        given().auth().oauth2(Orders.MANAGER).get("/catalogue/categories/replenishment").then().statusCode(200)
                .body("find { it.category == 'GAINER' }.contactFirst", equalTo("MESSAGE"))
                .body("category", hasItems("PROTEIN", "VITAMINS"));
        given().auth().oauth2(Orders.HEAD).contentType(ContentType.JSON).body("{\"contactFirst\":\"CALL\"}")
                .put("/catalogue/categories/{c}/replenishment", "GAINER").then().statusCode(200)
                .body("contactFirst", equalTo("CALL"));
        given().auth().oauth2(Orders.HEAD).contentType(ContentType.JSON).body("{\"contactFirst\":\"SHOUT\"}")
                .put("/catalogue/categories/{c}/replenishment", "GAINER").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(Orders.HEAD).contentType(ContentType.JSON).body("{}")
                .put("/catalogue/categories/{c}/replenishment", "GAINER").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:parus:problem:validation"));
        given().auth().oauth2(Orders.HEAD).contentType(ContentType.JSON).body("{\"contactFirst\":\"CALL\"}")
                .put("/catalogue/categories/{c}/replenishment", "NO_SUCH").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:parus:problem:not-found"));
    }

    @Test
    void R25_eachLineOfOrderPlacedNamesItsProductFamily() throws Exception {
        String sku = Catalogue.sku("R25-FAM");
        String family = Catalogue.create(product(variant(sku, ",\"servingsPerPack\":60,\"dailyServings\":1")));
        String order = given().auth().oauth2(Orders.MANAGER).contentType(ContentType.JSON)
                .body("""
                        {"customerId":"%s","lines":[{"sku":"%s","quantity":1},{"sku":"SHAKER-700","quantity":1}]}"""
                        .formatted(UUID.randomUUID(), sku))
                .post("/orders").then().statusCode(201).extract().path("id");
        List<ConsumerRecord<String, String>> records = TestKafka.awaitRecords("order-events",
                r -> order.equals(r.key()) && "ru.parus.order.OrderPlaced.v1".equals(TestKafka.header(r, "ce_type")), 1,
                Duration.ofSeconds(15));
        assertEquals(1, records.size());
        OrderLifecycleTest.assertValid("OrderPlaced.v1", records.get(0).value());
        JsonNode lines = mapper.readTree(records.get(0).value()).get("lines");
        assertEquals(family, lines.get(0).get("familyId").asText());
        assertEquals(true, lines.get(1).get("familyId").isNull(), "SHAKER-700 of the first flow's seed has no family");
    }
}
