package ru.parus.order;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import ru.parus.infra.test.TestInfra;
import ru.parus.order.service.Signatures;

/** Test helpers: orders through the HTTP API, as the managers' screens, storefronts and provider call it. */
final class Orders {
    static final String MANAGER = TestInfra.token("manager-1", "MANAGER");
    static final String HEAD = TestInfra.token("head-1", "HEAD");

    private Orders() {
    }

    /**
     * A phone order for 2 x WHEY-CHOC-900 + 1 x CREA-MONO-300 = 549000 kopecks, with the two upsell offers
     * R7 requires before confirmation already answered (declined, so the total stays); returns its id.
     */
    static String placePhoneOrder() {
        String id = OrderApiTest.place(OrderApiTest.order(UUID.randomUUID()), null).statusCode(201).extract().path("id");
        for (String sku : new String[] { "SHAKER-700", "OMEGA3-90" }) {
            given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                    .body("{\"sku\":\"" + sku + "\",\"answer\":\"DECLINED\"}")
                    .post("/orders/{id}/offers", id).then().statusCode(201);
        }
        return id;
    }

    static String version(String id) {
        return given().auth().oauth2(MANAGER).get("/orders/{id}", id).then().statusCode(200).extract().header("ETag");
    }

    static ValidatableResponse putTerms(String id, String ifMatch, String terms) {
        var request = given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body(terms);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.put("/orders/{id}/terms", id).then();
    }

    static ValidatableResponse agree(String id, String terms) {
        return putTerms(id, version(id), terms);
    }

    static ValidatableResponse confirm(String id) {
        return given().auth().oauth2(MANAGER).contentType(ContentType.JSON).post("/orders/{id}/confirm", id).then();
    }

    static ValidatableResponse transition(String id, String to) {
        return given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body("{\"to\":\"" + to + "\",\"reason\":\"test\"}").post("/orders/{id}/transitions", id).then();
    }

    static String courierCash(LocalDate date) {
        return """
                {"paymentMethod":"CASH_TO_COURIER","deliveryMethod":"COURIER",
                 "recipient":{"name":"Анна Смирнова","phone":"8 (912) 345-67-89"},
                 "address":{"postalCode":"620014","city":"Екатеринбург","street":"ул. Малышева","house":"51","apartment":"12"},
                 "deliveryDate":"%s","windowFrom":"10:00","windowTo":"14:00","packagingNotes":"без пакета"}""".formatted(date);
    }

    static String online(LocalDate date) {
        return """
                {"paymentMethod":"ONLINE","deliveryMethod":"PICKUP_POINT",
                 "recipient":{"name":"Анна Смирнова","phone":"+79123456789"},
                 "pickupPointId":"CDEK-EKB-117","deliveryDate":"%s","windowFrom":"10:00","windowTo":"20:00"}""".formatted(date);
    }

    /** A phone order with ONLINE terms, confirmed: AWAITING_PAYMENT. */
    static String confirmedOnlineOrder(LocalDate date) {
        String id = placePhoneOrder();
        agree(id, online(date)).statusCode(200);
        confirm(id).statusCode(200);
        return id;
    }

    static String sign(String secret, String body) {
        return Signatures.hmacSha256Hex(secret, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
