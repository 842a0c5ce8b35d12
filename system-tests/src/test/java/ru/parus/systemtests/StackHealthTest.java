package ru.parus.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static ru.parus.systemtests.RunningStack.CUSTOMER;
import static ru.parus.systemtests.RunningStack.SERVICES;
import static ru.parus.systemtests.RunningStack.url;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The five services run side by side: ready, documented, and closed to callers without a token. */
@ExtendWith(RunningStack.class)
class StackHealthTest {

    @Test
    void allFiveServicesAreReady() {
        for (String service : SERVICES) {
            given().baseUri(url(service)).when().get("/q/health/ready")
                    .then().statusCode(200).body("status", equalTo("UP"));
        }
    }

    @Test
    void eachServicePublishesItsOpenApiDocument() {
        for (String service : SERVICES) {
            given().baseUri(url(service)).when().get("/q/openapi")
                    .then().statusCode(200).body(containsString("openapi:"));
        }
    }

    @Test
    void aBusinessEndpointWithoutATokenIsAProblem401() {
        given().baseUri(url(CUSTOMER)).accept("application/json")
                .when().get("/customers/{id}", UUID.randomUUID())
                .then().statusCode(401).contentType(startsWith("application/problem+json"));
    }
}
