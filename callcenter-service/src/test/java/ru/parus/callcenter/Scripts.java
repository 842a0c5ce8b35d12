package ru.parus.callcenter;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.http.ContentType;
import ru.parus.infra.test.TestInfra;

/** Test scripts written and approved over HTTP, as the head would. */
final class Scripts {
    static final String HEAD = TestInfra.token("head-1", "HEAD");

    /**
     * a (mandatory): yes -> b, no -> end; b (mandatory, offer): accepted|declined -> c; c (mandatory, free answer) -> d;
     * d (said only) -> end.
     */
    static final String BRANCHING = """
            {"title":"Тестовый скрипт","startStep":"a","steps":[
             {"id":"a","prompt":"Удобно говорить?","mandatory":true,"answers":[{"value":"да","next":"b"},{"value":"нет","next":null}]},
             {"id":"b","prompt":"Предложение","mandatory":true,"offer":true,"answers":[{"value":"принято","next":"c"},{"value":"отклонено","next":"c"}]},
             {"id":"c","prompt":"Вопрос","mandatory":true,"freeAnswer":true,"next":"d"},
             {"id":"d","prompt":"До свидания","next":null}]}""";

    private Scripts() {
    }

    static String code() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void draft(String code, String body) {
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body(body).post("/scripts/{code}/versions", code)
                .then().statusCode(201);
    }

    static String approved(String body) {
        String code = code();
        draft(code, body);
        given().auth().oauth2(HEAD).post("/scripts/{code}/versions/1/approve", code).then().statusCode(200);
        return code;
    }
}
