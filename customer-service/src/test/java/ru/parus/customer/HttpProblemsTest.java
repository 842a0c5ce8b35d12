package ru.parus.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ru.parus.infra.test.TestInfra;

/**
 * The HTTP layer's refusals are problems too, and the caller is judged before the request (issue 14): platform's
 * {@code http.AuthenticationFirst} answers 401 before RESTEasy matches a resource, {@code http.RequestLimits}
 * answers 414, 431 and 413 from the request line and headers, and {@code ProblemMappers} names what a 415 wants.
 */
@QuarkusTest
class HttpProblemsTest {
    static final String HEAD = TestInfra.token("head-1", "HEAD");
    static final ObjectMapper JSON = new ObjectMapper();
    /** A family: seven code points, 25 bytes of UTF-8, 75 characters percent-encoded. */
    static final String FAMILY = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66";

    @TestHTTPResource("/")
    URI root;

    @Test
    void withoutATokenTheImportIsA401BeforeItsMediaTypeIsJudged() {
        given().contentType(ContentType.JSON).body("{}").post("/customers/import").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:parus:problem:unauthorized"));
        // and before a path or method is judged
        given().get("/no-such-thing").then().statusCode(401).contentType("application/problem+json");
        given().delete("/customers").then().statusCode(401).contentType("application/problem+json");
        // a token that does not authenticate is no better than none
        given().auth().oauth2("not.a.token").contentType(ContentType.JSON).body("{}").post("/customers/import").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\""))
                .body("type", equalTo("urn:parus:problem:unauthorized"));
    }

    @Test
    void aWrongMediaTypeIsA415NamingWhatTheEndpointTakes() {
        given().auth().oauth2(HEAD).contentType(ContentType.JSON).body("{}").post("/customers/import").then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:unsupported-media-type"))
                .body("consumes", equalTo(List.of("text/csv")));
        given().auth().oauth2(HEAD).contentType("text/csv").body("name;phone\n").post("/customers").then()
                .statusCode(415)
                .body("type", equalTo("urn:parus:problem:unsupported-media-type"))
                .body("consumes", equalTo(List.of("application/json")));
    }

    @Test
    void anUnknownPathOrMethodIsAProblem() {
        given().auth().oauth2(HEAD).get("/no-such-thing").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:not-found"));
        given().auth().oauth2(HEAD).delete("/customers").then()
                .statusCode(405)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:method-not-allowed"));
    }

    @Test
    void aRequestLineOverTheLimitIsA414Problem() throws IOException {
        String q = URLEncoder.encode(FAMILY.repeat(150), StandardCharsets.UTF_8);
        Raw answer = send("GET /customers?q=" + q + " HTTP/1.1", Map.of("Authorization", "Bearer " + HEAD), null);
        assertEquals(414, answer.status, answer.toString());
        assertProblem(answer, "urn:parus:problem:uri-too-long");
        assertEquals(4096, answer.json().path("maxLength").asInt());
    }

    @Test
    void headersOverTheLimitAreA431Problem() throws IOException {
        Raw answer = send("GET /customers?q=anna HTTP/1.1", Map.of("X-Padding", "x".repeat(30_000)), null);
        assertEquals(431, answer.status, "judged before the caller: " + answer);
        assertProblem(answer, "urn:parus:problem:headers-too-large");
    }

    @Test
    void aDeclaredBodyOverTheLimitIsA413Problem() throws IOException {
        // quarkus.http.limits.max-body-size is 10240K: refused from the Content-Length, before a byte is read
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + HEAD);
        headers.put("Content-Type", "application/json");
        headers.put("Content-Length", Long.toString(10240L * 1024 + 1));
        Raw answer = send("POST /customers HTTP/1.1", headers, null); // no byte of the body is sent
        assertEquals(413, answer.status, answer.toString());
        assertProblem(answer, "urn:parus:problem:payload-too-large");
        assertEquals(10240L * 1024, answer.json().path("maxBytes").asLong());
    }

    @Test
    void aChunkedBodyThatGrowsOverTheLimitIsA413Problem() throws Exception {
        // no Content-Length: the body is judged while it arrives; one byte over 10240K is refused
        long limit = 10240L * 1024;
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /customers HTTP/1.1\r\nHost: " + root.getHost() + "\r\nAuthorization: Bearer " + HEAD
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            Thread writer = new Thread(() -> {
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, (byte) ' ');
                byte[] head = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    for (long sent = 0; sent <= limit; sent += chunk.length) {
                        out.write(head);
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException closedByTheServer) {
                    // expected: the server answers and closes before the body ends
                }
            });
            writer.start();
            Raw answer = Raw.read(socket.getInputStream());
            writer.join(30_000);
            assertEquals(413, answer.status, answer.toString());
            assertProblem(answer, "urn:parus:problem:payload-too-large");
            assertEquals(limit, answer.json().path("maxBytes").asLong());
        }
    }

    @Test
    void aChunkedBodyWithinTheLimitIsReadAsUsual() throws IOException {
        String body = "{\"name\":\"\",\"phone\":\"1\",\"type\":\"ATHLETE\"}";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + HEAD);
        headers.put("Content-Type", "application/json");
        headers.put("Transfer-Encoding", "chunked");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Raw answer = send("POST /customers HTTP/1.1", headers,
                Integer.toHexString(bytes.length) + "\r\n" + body + "\r\n0\r\n\r\n");
        // the body reached the resource: its fields are judged
        assertEquals(400, answer.status, answer.toString());
        assertProblem(answer, "urn:parus:problem:validation");
    }

    @Test
    void R6_R21_aChangeWithoutIfMatchIs428SayingWhereTheVersionComesFrom() {
        String manager = ContactsAndConsentsTest.MANAGER;
        String customer = CustomerApiTest.createCustomer(manager, ContactsAndConsentsTest.phone());
        String before = given().auth().oauth2(manager).get("/customers/{id}", customer).then().statusCode(200)
                .extract().header("ETag");
        record Change(String method, String path, String body) {
        }
        for (Change change : List.of(
                new Change("PATCH", "/customers/{id}", "{\"name\":\"Другое имя\"}"),
                new Change("PUT", "/customers/{id}/contacts", "{\"phones\":[\"" + ContactsAndConsentsTest.phone() + "\"]}"),
                new Change("PUT", "/customers/{id}/consents", "{\"consents\":[]}"))) {
            given().auth().oauth2(manager).contentType(ContentType.JSON).body(change.body())
                    .request(change.method(), change.path(), customer).then()
                    .statusCode(428)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:parus:problem:precondition-required"))
                    .body("title", equalTo("Header If-Match is required: send the ETag of your last GET of this resource"))
                    .body("status", equalTo(428))
                    .body("header", equalTo("If-Match"))
                    .body("detail", startsWith("This change needs If-Match: send the ETag of your last GET of this customer"))
                    .body("instance", equalTo(change.path().replace("{id}", customer)));
        }
        // nothing changed: the ETag read before is still current
        given().auth().oauth2(manager).get("/customers/{id}", customer).then().statusCode(200)
                .header("ETag", equalTo(before));
    }

    @Test
    void brokenPercentEscapesAndCharactersNoUriHoldsAreA400Problem() throws IOException {
        // a % without two hex digits reaches platform too: the JVM runs with -Dvertx.disableURIValidation=true, so
        // Quarkus' root handler no longer answers a bare 400 for a target java.net.URI refuses (docs/architecture.md)
        Map<String, String> auth = Map.of("Authorization", "Bearer " + HEAD);
        for (String target : List.of("/customers?q=%C3%28", "/customers?q=%FF", "/customers/%FF%FE",
                "/no-such-thing/%C3", "/customers?q=%zz", "/customers/abc%", "/customers?q=50%")) {
            Raw answer = send("GET " + target + " HTTP/1.1", auth, null);
            assertEquals(400, answer.status, target + ": " + answer);
            assertProblem(answer, "urn:parus:problem:malformed-uri");
            JsonNode body = answer.json();
            assertTrue(body.path("title").asText().contains("percent-escape"), answer.toString());
            assertEquals(target.contains("?") ? "query" : "path", body.path("part").asText(), answer.toString());
            assertTrue(body.path("detail").asText().contains(body.path("escape").asText()), answer.toString());
        }
        // a character a URI may not hold unescaped: the same problem, naming it
        Raw space = send("GET /customers?q=a|b HTTP/1.1", auth, null);
        assertEquals(400, space.status, space.toString());
        assertProblem(space, "urn:parus:problem:malformed-uri");
        assertEquals("|", space.json().path("escape").asText(), space.toString());
        // judged before the caller, as the request line's other limits are
        assertProblem(send("GET /customers?q=%zz HTTP/1.1", Map.of(), null), "urn:parus:problem:malformed-uri");
        assertProblem(send("GET /customers?q=%FF HTTP/1.1", Map.of(), null), "urn:parus:problem:malformed-uri");
        // correct escapes, a literal %25 and UTF-8 pass as before
        given().auth().oauth2(HEAD).urlEncodingEnabled(false).get("/customers?q=%D0%90%D0%BD%D0%BD%D0%B0").then()
                .statusCode(200);
    }

    private static void assertProblem(Raw answer, String type) throws IOException {
        assertTrue(answer.headers.getOrDefault("content-type", "").startsWith("application/problem+json"), answer.toString());
        assertEquals(type, answer.json().path("type").asText(), answer.toString());
        assertEquals(answer.status, answer.json().path("status").asInt());
    }

    /** One request written as is, so that nothing on the client's side shortens or refuses it. */
    private Raw send(String requestLine, Map<String, String> headers, String body) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            StringBuilder head = new StringBuilder(requestLine).append("\r\nHost: ").append(root.getHost()).append("\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
            return Raw.read(socket.getInputStream());
        }
    }

    private record Raw(int status, Map<String, String> headers, String body) {
        static Raw read(InputStream in) throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) { // the server closes the connection after these answers
                    all.write(buffer, 0, n);
                }
            } catch (java.net.SocketException reset) {
                if (all.size() == 0) { // closed while a refused body was still arriving: a reset after the answer is fine
                    throw reset;
                }
            }
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = (end < 0 ? text : text.substring(0, end)).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
                }
            }
            return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers, end < 0 ? "" : text.substring(end + 4));
        }

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }
}
