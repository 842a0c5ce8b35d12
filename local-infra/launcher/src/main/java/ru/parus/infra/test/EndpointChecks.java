package ru.parus.infra.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * Checks every service must pass the same way (ARCHITECTURE.md, "Security" and "HTTP"), written
 * once: open operational endpoints, and a guarded read that answers problems, never a bare status.
 * Uses REST Assured, which each service has on its test class path.
 */
public final class EndpointChecks {
    public static final String UNKNOWN_ID = "6f1c9a8e-0000-4000-8000-000000000000";

    private EndpointChecks() {
    }

    /** Health (ready, with the database and Kafka checks), metrics and the OpenAPI document need no token. */
    public static void operationalEndpointsAreOpen() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("Kafka connection health check"));
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    /**
     * {@code GET <collection>/{id}}: 401 without a token, 403 with a token whose roles do not allow it,
     * 404 for an unknown or malformed id with one that does, each as {@code application/problem+json}.
     */
    public static void readByIdIsGuarded(String collection, String allowedToken, String forbiddenToken) {
        given().get(collection + "/{id}", UNKNOWN_ID)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:parus:problem:unauthorized"));
        given().auth().oauth2(forbiddenToken).get(collection + "/{id}", UNKNOWN_ID)
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:forbidden"));
        given().auth().oauth2(allowedToken).get(collection + "/{id}", UNKNOWN_ID)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:not-found"));
        given().auth().oauth2(allowedToken).get(collection + "/not-a-uuid")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }
}
