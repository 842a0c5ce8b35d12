package ru.parus.fulfillment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import ru.parus.infra.test.TestInfra;
import ru.parus.platform.security.VerifiedTokens;

/**
 * The service's authentication goes through platform's verified-token cache (issue 15), and it still refuses what it
 * must: a token it already remembers works, a tampered copy of it does not.
 */
@QuarkusTest
class VerifiedTokensWiringTest {
    @Inject
    JWTParser parser;
    @Inject
    VerifiedTokens tokens;

    @Test
    void requestsAreAuthenticatedThroughTheCacheAndATamperedTokenIsStillRefused() {
        assertInstanceOf(VerifiedTokens.class, unproxied(parser));
        String token = TestInfra.token("wh-cache-1", "WAREHOUSE");
        long before = tokens.size();

        given().auth().oauth2(token).get("/shipments").then().statusCode(200);
        given().auth().oauth2(token).get("/shipments").then().statusCode(200);
        assertTrue(tokens.size() > before, "the verified token is remembered");

        // the same header and claims with the signature's last characters changed
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        given().auth().oauth2(tampered).get("/shipments").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
    }

    private static Object unproxied(Object bean) {
        return bean instanceof io.quarkus.arc.ClientProxy proxy ? proxy.arc_contextualInstance() : bean;
    }
}
