package ru.parus.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import ru.parus.order.catalogue.Catalogue;

/**
 * Every change that needs the version it was made on answers a change sent without If-Match with 428
 * {@code urn:parus:problem:precondition-required} (platform's {@code IfMatch.required}), the same in every service
 * (issue 17); a stale If-Match stays 412 (the tests of each operation).
 */
@QuarkusTest
class IfMatchRequiredTest {
    @AfterAll
    static void cleanUp() {
        Catalogue.takeTestProductsOffSale();
    }

    @Test
    void R1_R5_R8_aChangeWithoutIfMatchIs428SayingWhereTheVersionComesFrom() {
        String order = Orders.placePhoneOrder();
        String a = Catalogue.sku("IFM"), b = Catalogue.sku("IFM");
        String product = Catalogue.create(Catalogue.product("Протеин Тест", "PROTEIN", "\"WATTN\"", "", 3, a, b));
        String rule = """
                {"kind":"WITH_PRODUCT","triggerSku":"%s","customerType":null,"offerSku":"%s","priority":10}"""
                .formatted(a, b);
        String ruleId = given().auth().oauth2(Catalogue.HEAD).contentType(ContentType.JSON).body(rule)
                .post("/cross-sell-rules").then().statusCode(201).extract().path("id");
        record Change(String token, String method, String path, String id, String body, String what) {
        }
        for (Change change : List.of(
                new Change(Orders.MANAGER, "PUT", "/orders/{id}/terms", order,
                        Orders.courierCash(LocalDate.now().plusDays(2)), "this order"),
                new Change(Catalogue.HEAD, "PUT", "/catalogue/products/{id}", product,
                        Catalogue.product("Протеин Тест 2", "PROTEIN", "\"WATTN\"", "", 3, a), "what you edited"),
                new Change(Catalogue.HEAD, "PUT", "/cross-sell-rules/{id}", ruleId, rule, "what you edited"),
                new Change(Catalogue.HEAD, "DELETE", "/cross-sell-rules/{id}", ruleId, null, "what you edited"))) {
            RequestSpecification request = given().auth().oauth2(change.token());
            if (change.body() != null) {
                request = request.contentType(ContentType.JSON).body(change.body());
            }
            request.request(change.method(), change.path(), change.id()).then()
                    .statusCode(428)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:parus:problem:precondition-required"))
                    .body("title", equalTo("Header If-Match is required: send the ETag of your last GET of this resource"))
                    .body("status", equalTo(428))
                    .body("header", equalTo("If-Match"))
                    .body("detail", startsWith("This change needs If-Match: send the ETag of your last GET of " + change.what()))
                    .body("instance", equalTo(change.path().replace("{id}", change.id())));
        }
        // nothing was changed: the versions read before are still current
        given().auth().oauth2(Catalogue.HEAD).get("/cross-sell-rules/{id}", ruleId).then().statusCode(200);
        given().auth().oauth2(Catalogue.HEAD).get("/catalogue/products/{id}", product).then().statusCode(200)
                .header("ETag", equalTo("\"0\""));
    }
}
