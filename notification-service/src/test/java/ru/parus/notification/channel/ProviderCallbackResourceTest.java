package ru.parus.notification.channel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import ru.parus.notification.service.channel.ChannelKind;
import ru.parus.notification.service.channel.DeliveryReport;
import ru.parus.notification.service.channel.DeliveryState;

/** R21: SMSC's delivery-status callbacks become DeliveryReport CDI events; bad calls get problems. */
@QuarkusTest
class ProviderCallbackResourceTest {
    static final String SECRET = "test-callback-secret"; // %test in application.properties

    @Inject
    DeliveryReportRecorder recorder;

    static RequestSpecification callback() {
        return given().contentType(ContentType.URLENC).formParam("phone", "79123456789");
    }

    @Test
    void R21_aDeliveredStatusIsReportedWithSmscsTime() {
        String id = UUID.randomUUID().toString();

        callback().queryParam("secret", SECRET).formParam("id", id).formParam("status", "1").formParam("err", "0")
                .formParam("time", "1795766400")
                .post("/provider-callbacks/smsc").then().statusCode(200).contentType(containsString("text/plain"))
                .body(equalTo("OK"));

        assertEquals(List.of(new DeliveryReport(id, ChannelKind.SMS, DeliveryState.DELIVERED,
                Instant.ofEpochSecond(1795766400), "SMSC status 1: delivered")), recorder.about(id));
    }

    @Test
    void R21_anInvalidNumberStatusIsAFailureWithItsErrorAndMoscowTime() {
        String id = UUID.randomUUID().toString();

        callback().queryParam("secret", SECRET).formParam("id", id).formParam("status", "22").formParam("err", "8")
                .formParam("time", "27.11.2026 12:30:00")
                .post("/provider-callbacks/smsc").then().statusCode(200);

        assertEquals(List.of(new DeliveryReport(id, ChannelKind.SMS, DeliveryState.FAILED,
                Instant.parse("2026-11-27T09:30:00Z"), "SMSC status 22: invalid number; error 8")), recorder.about(id));
    }

    @Test
    void R21_statusesThatAreNotFinalAreAcknowledgedAndReportNothing() {
        String id = UUID.randomUUID().toString();
        for (String status : List.of("-1", "0", "-3", "77")) {
            callback().queryParam("secret", SECRET).formParam("id", id).formParam("status", status)
                    .post("/provider-callbacks/smsc").then().statusCode(200);
        }

        assertEquals(List.of(), recorder.about(id));
    }

    @Test
    void R21_aCallbackWithoutTheRightSecretIsRefusedWith401() {
        String id = UUID.randomUUID().toString();
        callback().formParam("id", id).formParam("status", "1")
                .post("/provider-callbacks/smsc").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:unauthorized"));
        callback().queryParam("secret", "guessed").formParam("id", id).formParam("status", "1")
                .post("/provider-callbacks/smsc").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:unauthorized"));

        assertEquals(List.of(), recorder.about(id));
    }

    @Test
    void R21_malformedCallbacksGetValidationProblems() {
        String id = UUID.randomUUID().toString();
        callback().queryParam("secret", SECRET).formParam("status", "1")
                .post("/provider-callbacks/smsc").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:validation"))
                .body("errors.field", hasItem("id"));
        callback().queryParam("secret", SECRET).formParam("id", id)
                .post("/provider-callbacks/smsc").then().statusCode(400)
                .body("errors.field", hasItem("status"));
        callback().queryParam("secret", SECRET).formParam("id", id).formParam("status", "delivered")
                .post("/provider-callbacks/smsc").then().statusCode(400)
                .body("errors.field", hasItem("status"));
        callback().queryParam("secret", SECRET).formParam("id", id).formParam("status", "1")
                .formParam("time", "yesterday")
                .post("/provider-callbacks/smsc").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("time"));

        assertEquals(List.of(), recorder.about(id));
    }

    @Test
    void aCallbackThatIsNotAFormIsUnsupported() {
        given().contentType(ContentType.JSON).queryParam("secret", SECRET).body("{\"id\":\"1\",\"status\":1}")
                .post("/provider-callbacks/smsc").then().statusCode(415)
                .contentType("application/problem+json")
                .body("consumes", hasItem("application/x-www-form-urlencoded"));
    }

    /** Issue 14: the caller is judged first, and the 401 names the secret SMSC must send, not a bearer token. */
    @Test
    void withoutTheSecretEvenAWrongMediaTypeIsA401NamingTheSecret() {
        for (RequestSpecification request : List.of(given().contentType(ContentType.JSON).body("{\"id\":\"1\"}"),
                callback().formParam("id", "1").formParam("status", "1"),
                callback().queryParam("secret", "guessed").formParam("id", "1").formParam("status", "1"))) {
            request.post("/provider-callbacks/smsc").then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:parus:problem:unauthorized"))
                    .body("title", containsString("secret"))
                    .body("credential.in", equalTo("query"))
                    .body("credential.name", equalTo("secret"));
        }
    }
}
