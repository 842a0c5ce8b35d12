package ru.parus.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.parus.systemtests.RunningStack.CUSTOMER;
import static ru.parus.systemtests.RunningStack.url;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.restassured.http.ContentType;
import ru.parus.infra.test.TestInfra;

/**
 * customer-service's Swagger UI in a real browser (headless Chromium through chromedriver), as a developer uses it:
 * Authorize with a token like {@code ./parus token} prints, "Try it out" on {@code GET /customers/{id}}, Execute,
 * and the response block shows 200 with the customer; without Authorize the same read shows 401.
 *
 * <p>The OpenAPI document's {@code servers} is the local stack's {@code http://localhost:8081}, and "Try it out"
 * sends there, while the service under test listens on a free port. So Chromium goes through a small HTTP proxy
 * in this JVM that forwards {@code localhost:8081}, and only that, to the service: the browser sees the same
 * origin, document and request URL as on {@code ./parus up}.
 *
 * <p>The distribution's browser and driver are used ({@code apt-get install chromium chromium-driver}), never a
 * download (Selenium Manager is bypassed); without them the tests are skipped. Screenshots go to
 * {@code system-tests/target/swagger-ui/}; docs/images holds copies of them.
 */
@ExtendWith(RunningStack.class)
class SwaggerUiBrowserTest {
    static final Path CHROMIUM = Path.of(System.getProperty("parus.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("parus.chromedriver", "/usr/bin/chromedriver"));
    /** The origin in the OpenAPI document's {@code servers} (mp.openapi.servers). */
    static final String DOCUMENTED_ORIGIN = "http://localhost:8081";
    static final Duration WAIT = Duration.ofSeconds(30);
    /** The id Swagger UI gives the operation's block: {@code operations-<tag>-<operationId>}. */
    static final By GET_CUSTOMER = By.id("operations-Customers-CustomerResource_get");
    static final By LIVE_STATUS = By.cssSelector(".live-responses-table .response .response-col_status");

    static HttpServer proxy;
    static ExecutorService proxyThreads;

    Path profile;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeAll
    static void startProxy() throws IOException {
        proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxyThreads = Executors.newFixedThreadPool(4);
        proxy.setExecutor(proxyThreads);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        proxy.createContext("/", exchange -> forward(http, exchange));
        proxy.start();
    }

    @AfterAll
    static void stopProxy() {
        if (proxy != null) {
            proxy.stop(0);
            proxyThreads.shutdownNow();
        }
    }

    @BeforeEach
    void openBrowser() throws IOException {
        // per test, not in @BeforeAll: surefire then reports each test as skipped, with this reason
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Swagger UI browser test skipped: needs " + CHROMIUM + " and " + CHROMEDRIVER
                        + " (apt-get install -y chromium chromium-driver; .ci/run does it)");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("parus-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,1100", "--lang=en-US",
                "--proxy-server=http://127.0.0.1:" + proxy.getAddress().getPort(),
                // Chromium sends localhost past any proxy unless told otherwise
                "--proxy-bypass-list=<-loopback>");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, WAIT);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void authorizeThenTryItOutShowsTheCustomerWith200() throws IOException {
        String head = TestInfra.token("head-1", "HEAD");
        String name = "Ольга Иванова";
        String id = registerCustomer(head, name);

        openSwaggerUi();
        browser.findElement(By.cssSelector(".btn.authorize")).click();
        WebElement modal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-ux")));
        assertTrue(modal.getText().contains("jwt"), "the Authorize dialog offers the jwt scheme: " + modal.getText());
        // the bearer scheme's one field; the token alone, as the README says, without "Bearer "
        modal.findElement(By.cssSelector(".auth-container input")).sendKeys(head);
        modal.findElement(By.cssSelector(".auth-btn-wrapper .btn.authorize")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-ux .btn-done")));
        assertTrue(modal.getText().contains("Authorized"), "the dialog says Authorized: " + modal.getText());
        screenshot("swagger-ui-authorize.png");
        modal.findElement(By.cssSelector(".btn-done")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-ux")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".auth-wrapper .btn.authorize.locked")));

        WebElement operation = tryItOut(id);
        String status = operation.findElement(LIVE_STATUS).getText().trim();
        String response = operation.findElement(By.cssSelector(".live-responses-table")).getText();
        assertEquals("200", status, "the response block: " + response);
        assertTrue(response.contains(name), "the response body shows the customer's name: " + response);
        assertTrue(response.contains(id), "the response body shows the customer's id: " + response);
        String requestUrl = operation.findElement(By.cssSelector(".request-url pre")).getText();
        assertEquals(DOCUMENTED_ORIGIN + "/customers/" + id, requestUrl.trim(), "sent to the document's server");
        String curl = operation.findElement(By.cssSelector(".curl-command")).getText();
        assertTrue(curl.contains("Authorization: Bearer " + head), "the request carried the token: " + curl);
        // tall enough for the whole story in one picture: the padlock, the id, Execute, the request and the 200
        browser.manage().window().setSize(new Dimension(1280, 1320));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'})", operation);
        screenshot("swagger-ui-200.png");
    }

    @Test
    void withoutAuthorizeTheSameReadShows401() {
        String id = registerCustomer(TestInfra.token("head-1", "HEAD"), "Пётр Петров");

        openSwaggerUi();
        WebElement operation = tryItOut(id);
        String response = operation.findElement(By.cssSelector(".live-responses-table")).getText();
        assertEquals("401", operation.findElement(LIVE_STATUS).getText().trim(), "the response block: " + response);
        assertTrue(!response.contains("Пётр Петров"), "no personal data without a token: " + response);
    }

    private void openSwaggerUi() {
        browser.get(DOCUMENTED_ORIGIN + "/q/swagger-ui/");
        // the document is loaded and rendered once the operation's block is there
        wait.until(ExpectedConditions.presenceOfElementLocated(GET_CUSTOMER));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".btn.authorize")));
    }

    /** Expands GET /customers/{id}, Try it out, the id, Execute; returns the operation's block with the response. */
    private WebElement tryItOut(String id) {
        WebElement operation = browser.findElement(GET_CUSTOMER);
        WebElement path = operation.findElement(
                By.cssSelector(".opblock-summary-path[data-path='/customers/{id}']"));
        scrollTo(path);
        path.click();
        WebElement tryOut = wait.until(ExpectedConditions.elementToBeClickable(
                operation.findElement(By.cssSelector(".try-out__btn"))));
        tryOut.click();
        WebElement idField = wait.until(ExpectedConditions.visibilityOf(
                operation.findElement(By.cssSelector("tr[data-param-name='id'] input"))));
        idField.sendKeys(id);
        WebElement execute = wait.until(ExpectedConditions.elementToBeClickable(
                operation.findElement(By.cssSelector(".execute"))));
        execute.click();
        wait.until(driver -> !operation.findElements(LIVE_STATUS).isEmpty()
                && !operation.findElement(LIVE_STATUS).getText().isBlank());
        return operation;
    }

    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    private void screenshot(String file) throws IOException {
        Path dir = RunningStack.projectRoot().resolve("system-tests/target/swagger-ui");
        Files.createDirectories(dir);
        Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String registerCustomer(String token, String name) {
        String digits = String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
        return given().baseUri(url(CUSTOMER)).auth().oauth2(token).contentType(ContentType.JSON)
                .body("""
                        {"name":"%s","phone":"+79%s","email":"swagger.%s@example.org","type":"ATHLETE"}"""
                        .formatted(name, digits, digits))
                .when().post("/customers")
                .then().statusCode(201).body("id", notNullValue())
                .extract().path("id");
    }

    // ---- the proxy: localhost:8081 -> the service under test; anything else 502

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "date", "expect", "from",
            "host", "upgrade", "via", "warning", "keep-alive", "proxy-connection", "transfer-encoding", "te");

    private static void forward(HttpClient http, HttpExchange exchange) throws IOException {
        try {
            URI asked = exchange.getRequestURI(); // absolute: Chromium talks to a proxy
            if (!DOCUMENTED_ORIGIN.equals(asked.getScheme() + "://" + asked.getHost() + ":" + asked.getPort())) {
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            String target = url(CUSTOMER) + asked.getRawPath()
                    + (asked.getRawQuery() == null ? "" : "?" + asked.getRawQuery());
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target)).timeout(WAIT)
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((header, values) -> {
                if (!HOP_BY_HOP.contains(header.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(header, value));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            response.headers().map().forEach((header, values) -> {
                if (!header.startsWith(":") && !HOP_BY_HOP.contains(header.toLowerCase(Locale.ROOT))) {
                    exchange.getResponseHeaders().put(header, List.copyOf(values));
                }
            });
            byte[] answer = response.body();
            boolean noBody = answer.length == 0 || "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : answer.length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        } finally {
            exchange.close();
        }
    }
}
