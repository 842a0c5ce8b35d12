package ru.parus.callcenter;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.http.ContentType;
import ru.parus.infra.test.TestInfra;

/** Staff for tests: unique ids, written through the API as the head would. */
final class People {
    static final String ADMIN = TestInfra.token("admin-1", "ADMIN");

    private People() {
    }

    static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String put(String id, String role, String headId) {
        String head = headId == null ? "null" : "\"" + headId + "\"";
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"name\":\"Сотрудник " + id + "\",\"role\":\"" + role + "\",\"headId\":" + head + "}")
                .put("/staff/{id}", id).then().statusCode(200);
        return id;
    }

    static String manager(String headId) {
        return put(id("manager"), "MANAGER", headId);
    }

    static String head() {
        return put(id("head"), "HEAD", null);
    }
}
