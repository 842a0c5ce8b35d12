package ru.parus.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.parus.notification.Events.id;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ru.parus.infra.test.TestInfra;
import ru.parus.notification.repository.CatalogueProductRepository;
import ru.parus.notification.repository.CustomerReachabilityRepository;
import ru.parus.platform.testing.SettableClock;

/**
 * R21: a manager attaches the price list and a product's certificate from the catalogue (projected from
 * catalogue-events); the e-mail arrives in GreenMail with the documents; WireMock plays the certificates' host.
 */
@QuarkusTest
class CatalogueAttachmentsTest {
    static final String MANAGER_ID = "mgr-cat-1";
    static final String MANAGER = TestInfra.token(MANAGER_ID, "MANAGER");
    static WireMockServer docs;

    @Inject
    CustomerReachabilityRepository reachability;
    @Inject
    CatalogueProductRepository products;
    @Inject
    SettableClock clock;

    @BeforeAll
    static void startDocumentHost() {
        docs = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        docs.start();
    }

    @AfterAll
    static void stopDocumentHost() {
        docs.stop();
    }

    String customerOfMine(String email) throws Exception {
        String customer = id();
        Events.sendRegistered(customer, MANAGER_ID);
        Events.sendConsent(Events.consent(customer, "EMAIL", null, null, null, "EMAIL", email));
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> reachability.findById(UUID.fromString(customer))),
                r -> r != null && r.consentVersion >= 0 && MANAGER_ID.equals(r.ownerManagerId));
        return customer;
    }

    /** ProductChanged of the schema's example with these storefronts, certificates and variants. */
    void publishProduct(String productId, String name, String category, String[] storefronts, ArrayNode certificates,
            ArrayNode variants) throws Exception {
        ObjectNode e = Events.example("ProductChanged");
        e.put("productId", productId);
        e.put("name", name);
        e.put("category", category);
        ArrayNode s = e.putArray("storefronts");
        for (String f : storefronts) {
            s.add(f);
        }
        e.set("certificates", certificates);
        e.set("variants", variants);
        Events.send("catalogue-events", productId, "catalog", "ProductChanged", id(), e);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> products.findById(UUID.fromString(productId))) != null);
    }

    static ArrayNode variants(Object... skuNamePriceActive) {
        ArrayNode a = Events.JSON.createArrayNode();
        for (int i = 0; i < skuNamePriceActive.length; i += 4) {
            a.addObject().put("sku", (String) skuNamePriceActive[i]).put("name", (String) skuNamePriceActive[i + 1])
                    .put("priceKopecks", (Long) skuNamePriceActive[i + 2]).put("currency", "RUB").put("stock", 5)
                    .put("active", (Boolean) skuNamePriceActive[i + 3]);
        }
        return a;
    }

    static ArrayNode certificate(ArrayNode a, String title, String url, LocalDate validUntil) {
        a.addObject().put("title", title).put("url", url).put("validUntil", validUntil.toString());
        return a;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Moscow"));
    }

    static BodyPart attachment(MimeMessage mail) throws Exception {
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertEquals(2, parts.getCount(), "the text and one attachment");
        return parts.getBodyPart(1);
    }

    @Test
    void R21_thePriceListFromTheCatalogueArrivesAsAPdfWithTheActiveItemsAndPrices() throws Exception {
        String tag = id().substring(0, 6).toUpperCase();
        String sku1 = "WHEY-" + tag;
        String sku2 = "CASEIN-" + tag;
        String retired = "OLD-" + tag;
        String wattnOnly = "GEL-" + tag;
        publishProduct(id(), "Протеин " + tag, "PROTEIN-" + tag, new String[] { "LACTOMIN" },
                Events.JSON.createArrayNode(), variants(sku1, "Сывороточный протеин " + tag + ", шоколад, 900 г", 249000L, true,
                        retired, "Снятый с продажи " + tag, 100L, false));
        publishProduct(id(), "Казеин " + tag, "PROTEIN-" + tag, new String[] { "LACTOMIN", "WATTN" },
                Events.JSON.createArrayNode(), variants(sku2, "Казеин " + tag + ", ваниль", 1234567L, true));
        publishProduct(id(), "Гель " + tag, "ENERGY-" + tag, new String[] { "WATTN" },
                Events.JSON.createArrayNode(), variants(wattnOnly, "Энергетический гель " + tag, 15000L, true));
        String to = "p" + tag.toLowerCase() + "@example.org";
        String customer = customerOfMine(to);

        String messageId = given().auth().oauth2(MANAGER).contentType(ContentType.JSON).body("""
                {"customerId":"%s","subject":"Прайс-лист","text":"Здравствуйте! Прайс-лист во вложении.",
                 "catalogueAttachments":[{"kind":"PRICE_LIST","storefront":"LACTOMIN"}]}""".formatted(customer))
                .post("/messages").then().statusCode(202).body("status", equalTo("QUEUED"))
                .body("channel", equalTo("EMAIL")).extract().path("id");

        Events.awaitMails(to, 1);
        BodyPart pdf = attachment(Events.mailsTo(to).get(0));
        assertEquals("price-list-LACTOMIN-" + today() + ".pdf", pdf.getFileName());
        assertTrue(pdf.getContentType().startsWith("application/pdf"), pdf.getContentType());
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.getInputStream().readAllBytes())) {
            text = new PDFTextStripper().getText(doc);
        }
        assertTrue(text.contains("Прайс-лист LACTOMIN на " + today().format(DateTimeFormatter.ofPattern("dd.MM.yyyy"))), text);
        assertTrue(text.contains("PROTEIN-" + tag), text);
        assertTrue(text.contains(sku1) && text.contains("Сывороточный протеин " + tag), text);
        assertTrue(text.contains("2 490,00 руб."), text);
        assertTrue(text.contains(sku2) && text.contains("12 345,67 руб."), text);
        assertFalse(text.contains(retired), "an inactive variant is not listed");
        assertFalse(text.contains(wattnOnly), "another storefront's product is not listed");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(MANAGER)
                .get("/messages/{id}", messageId).then().statusCode(200).body("status", equalTo("SENT")));
    }

    static byte[] certificatePdf(String text) throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.getDocumentInformation().setTitle(text);
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void R21_aProductCertificateIsFetchedOnceFromItsUrlAndArrivesAttached() throws Exception {
        String tag = id().substring(0, 8);
        byte[] pdf = certificatePdf("cert " + tag);
        String path = "/certs/" + tag + ".pdf";
        docs.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/pdf").withBody(pdf)));
        String productId = id();
        ArrayNode certs = Events.JSON.createArrayNode();
        certificate(certs, "Старый сертификат", docs.baseUrl() + "/certs/old.pdf", today().minusDays(1));
        certificate(certs, "Декларация о соответствии ЕАЭС", docs.baseUrl() + path, today().plusDays(30));
        publishProduct(productId, "Протеин " + tag, "PROTEIN", new String[] { "LACTOMIN" }, certs,
                variants("W-" + tag, "Протеин", 100000L, true));
        String to = "c" + tag + "@example.org";
        String customer = customerOfMine(to);

        String body = """
                {"customerId":"%s","subject":"Сертификат","text":"Декларация о соответствии во вложении.",
                 "catalogueAttachments":[{"kind":"PRODUCT_CERTIFICATE","productId":"%s","certificateIndex":1}]}"""
                .formatted(customer, productId);
        String key = id();
        String messageId = given().auth().oauth2(MANAGER).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/messages").then().statusCode(202).body("status", equalTo("QUEUED")).extract().path("id");
        // a repeat with the same key is the same message, and the document is not fetched again
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/messages").then().statusCode(202).body("id", equalTo(messageId));

        Events.awaitMails(to, 1);
        BodyPart attached = attachment(Events.mailsTo(to).get(0));
        assertEquals("Декларация о соответствии ЕАЭС.pdf", MimeUtility.decodeText(attached.getFileName()));
        assertTrue(attached.getContentType().startsWith("application/pdf"), attached.getContentType());
        assertArrayEquals(pdf, attached.getInputStream().readAllBytes());
        // fetched when requested and stored with the message: the dispatcher sends the stored bytes
        docs.verify(1, getRequestedFor(urlEqualTo(path)));
    }

    @Test
    void R21_certificateProblemsAreAnsweredAndNothingIsQueued() throws Exception {
        String tag = id().substring(0, 8);
        docs.stubFor(get(urlEqualTo("/certs/" + tag + "/500.pdf")).willReturn(aResponse().withStatus(500)));
        docs.stubFor(get(urlEqualTo("/certs/" + tag + "/big.pdf")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/pdf").withBody(new byte[40_000])));
        docs.stubFor(get(urlEqualTo("/certs/" + tag + "/big-chunked.pdf")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/pdf").withBody(new byte[40_000]).withChunkedDribbleDelay(4, 200)));
        docs.stubFor(get(urlEqualTo("/certs/" + tag + "/slow.pdf")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/pdf").withBody(new byte[100]).withFixedDelay(4000)));
        String productId = id();
        ArrayNode certs = Events.JSON.createArrayNode();
        String base = docs.baseUrl() + "/certs/" + tag;
        certificate(certs, "Истёк", base + "/expired.pdf", today().minusDays(1)); // 0
        certificate(certs, "Ошибка сервера", base + "/500.pdf", today().plusDays(1)); // 1
        certificate(certs, "Большой", base + "/big.pdf", today().plusDays(1)); // 2
        certificate(certs, "Большой без длины", base + "/big-chunked.pdf", today().plusDays(1)); // 3
        certificate(certs, "Медленный", base + "/slow.pdf", today().plusDays(1)); // 4
        certificate(certs, "Не http", "ftp://docs.example.org/c.pdf", today().plusDays(1)); // 5
        publishProduct(productId, "Продукт " + tag, "PROTEIN", new String[] { "LACTOMIN" }, certs,
                variants("P-" + tag, "Продукт", 100L, true));
        String customer = customerOfMine("x" + tag + "@example.org");
        String field = "catalogueAttachments[0]";
        record Case(String attachment, int status, String type, String field) {
        }
        for (Case c : java.util.List.of(
                new Case("{\"kind\":\"PRODUCT_CERTIFICATE\",\"productId\":\"" + id() + "\"}", 404, "not-found", field + ".productId"),
                new Case("{\"kind\":\"PRODUCT_CERTIFICATE\",\"productId\":\"" + productId + "\",\"certificateIndex\":6}", 422,
                        "unprocessable", field + ".certificateIndex"),
                new Case("{\"kind\":\"PRODUCT_CERTIFICATE\",\"productId\":\"" + productId + "\"}", 422, "unprocessable",
                        field + ".certificateIndex"),
                new Case("{\"kind\":\"PRODUCT_CERTIFICATE\",\"productId\":\"" + productId + "\",\"certificateIndex\":1}", 502,
                        "bad-gateway", field),
                new Case("{\"kind\":\"PRODUCT_CERTIFICATE\",\"productId\":\"" + productId + "\",\"certificateIndex\":2}", 422,
                        "unprocessable", field),
                new Case("{\"kind\":\"PRODUCT_CERTIFICATE\",\"productId\":\"" + productId + "\",\"certificateIndex\":3}", 422,
                        "unprocessable", field),
                new Case("{\"kind\":\"PRODUCT_CERTIFICATE\",\"productId\":\"" + productId + "\",\"certificateIndex\":4}", 502,
                        "bad-gateway", field),
                new Case("{\"kind\":\"PRODUCT_CERTIFICATE\",\"productId\":\"" + productId + "\",\"certificateIndex\":5}", 422,
                        "unprocessable", field),
                new Case("{\"kind\":\"PRICE_LIST\",\"productId\":\"" + productId + "\"}", 400, "validation", field + ".productId"),
                new Case("{\"kind\":\"PRODUCT_CERTIFICATE\"}", 400, "validation", field + ".productId"),
                new Case("{\"kind\":\"PRODUCT_CERTIFICATE\",\"productId\":\"" + productId + "\",\"certificateIndex\":-1}", 400,
                        "validation", field + ".certificateIndex"),
                new Case("{\"storefront\":\"LACTOMIN\"}", 400, "validation", field + ".kind"),
                new Case("null", 400, "validation", field))) {
            given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                    .body("{\"customerId\":\"" + customer + "\",\"text\":\"Документ\",\"catalogueAttachments\":["
                            + c.attachment() + "]}")
                    .post("/messages").then().statusCode(c.status()).contentType("application/problem+json")
                    .body("type", equalTo("urn:parus:problem:" + c.type())).body("errors.field", hasItem(c.field()));
        }
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body("{\"customerId\":\"" + customer + "\",\"text\":\"x\",\"catalogueAttachments\":[{\"kind\":\"PRICE_LIST\",\"storefront\":\"OZON\"}]}")
                .post("/messages").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:malformed-request"));
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body("{\"customerId\":\"" + customer + "\",\"text\":\"x\",\"catalogueAttachments\":[{\"kind\":\"VIDEO\"}]}")
                .post("/messages").then().statusCode(400).contentType("application/problem+json");
        // a certificate within its own cap but, with an uploaded file, above the message's total (65536 in tests)
        docs.stubFor(get(urlEqualTo("/certs/" + tag + "/ok.pdf")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/pdf").withBody(new byte[30_000])));
        ArrayNode more = certs.deepCopy();
        certificate(more, "Годный", base + "/ok.pdf", today().plusDays(1)); // 6
        String productId2 = id();
        publishProduct(productId2, "Продукт 2 " + tag, "PROTEIN", new String[] { "LACTOMIN" }, more,
                variants("P2-" + tag, "Продукт 2", 100L, true));
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body("{\"customerId\":\"" + customer + "\",\"text\":\"x\",\"attachments\":[{\"fileName\":\"a.bin\","
                        + "\"contentType\":\"application/octet-stream\",\"contentBase64\":\""
                        + java.util.Base64.getEncoder().encodeToString(new byte[40_000]) + "\"}],"
                        + "\"catalogueAttachments\":[{\"kind\":\"PRODUCT_CERTIFICATE\",\"productId\":\"" + productId2
                        + "\",\"certificateIndex\":6}]}")
                .post("/messages").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:parus:problem:unprocessable")).body("maxBytes", equalTo(65536));
        // an expired certificate says until when it was valid
        given().auth().oauth2(MANAGER).contentType(ContentType.JSON)
                .body("{\"customerId\":\"" + customer + "\",\"text\":\"x\",\"catalogueAttachments\":[{\"kind\":\"PRODUCT_CERTIFICATE\",\"productId\":\""
                        + productId + "\",\"certificateIndex\":0}]}")
                .post("/messages").then().statusCode(422).body("validUntil", equalTo(today().minusDays(1).toString()));
        // nothing was queued for any of these
        given().auth().oauth2(MANAGER).get("/messages?customerId={c}", customer).then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void R21_theOpenApiDocumentDescribesCatalogueAttachments() {
        String doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
        for (String expected : new String[] { "catalogueAttachments", "CatalogueAttachmentDto", "PRODUCT_CERTIFICATE",
                "PRICE_LIST", "certificateIndex", "\"502\"", "urn:parus:problem:bad-gateway" }) {
            assertTrue(doc.contains(expected), expected + " in /q/openapi");
        }
    }
}
