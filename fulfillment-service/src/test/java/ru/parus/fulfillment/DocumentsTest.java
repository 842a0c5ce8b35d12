package ru.parus.fulfillment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.parus.fulfillment.Fixtures.*;

import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import ru.parus.fulfillment.domain.Shipment;
import ru.parus.fulfillment.service.ShipmentDocuments;
import ru.parus.fulfillment.service.ShipmentService;
import ru.parus.infra.test.TestInfra;

/** R12: a packing list for the warehouse and a shipping document for the carrier, PDF with Cyrillic text. */
@QuarkusTest
class DocumentsTest {

    @Inject
    ShipmentDocuments documents;
    @Inject
    ShipmentService shipments;

    static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    static byte[] download(String token, String shipmentId, String document) {
        return given().auth().oauth2(token).get("/shipments/{id}/" + document, shipmentId).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
    }

    @Test
    void R12_packingListHasTheLinesAndPackagingNotesInRussian() throws Exception {
        UUID orderId = UUID.randomUUID();
        ObjectNode order = codOrder(orderId);
        order.put("packagingNotes", "Хрупкое: упаковать в пузырчатую плёнку");
        String id = shipped(order);

        long start = System.nanoTime();
        byte[] pdf = download(WAREHOUSE, id, "packing-list.pdf");
        System.out.printf("MEASURE packing list downloaded (rendered) in %d ms, %d bytes%n",
                (System.nanoTime() - start) / 1_000_000, pdf.length);
        long warm = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            download(WAREHOUSE, id, "packing-list.pdf");
        }
        System.out.printf("MEASURE packing list, warm, per download: %d ms%n", (System.nanoTime() - warm) / 5_000_000);
        String text = text(pdf);
        for (String expected : new String[] { "Упаковочный лист", id, orderId.toString(), "WHEY-CHOC-900",
                "Сывороточный протеин, шоколад, 900 г", "шоколад, 900 г", "CREA-MONO-300", "Креатин моногидрат",
                "Хрупкое: упаковать в пузырчатую плёнку", "Курьерская служба «Парус»", "29.11.2026, 10:00–14:00",
                "Единиц товара: 3", "5 215,50 руб." }) {
            assertTrue(text.contains(expected), "packing list lacks '" + expected + "':\n" + text);
        }
    }

    @Test
    void R12_shippingDocumentHasRecipientAddressValuesAndParcels() throws Exception {
        UUID orderId = UUID.randomUUID();
        String id = shipped(postOrder(orderId));
        report(id, packed("doc-pack-" + orderId)).statusCode(200);
        report(id, Map.of("reportId", "doc-hand-" + orderId, "kind", "HANDED_TO_CARRIER", "trackingNumber",
                "RA123456785RU")).statusCode(200);

        long start = System.nanoTime();
        byte[] pdf = download(TestInfra.token("head-1", "HEAD"), id, "shipping-document.pdf");
        System.out.printf("MEASURE shipping document downloaded (rendered) in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        String text = text(pdf);
        for (String expected : new String[] { "Сопроводительный документ перевозчику", "Почта России", "Анна Смирнова",
                "+79123456789", "620014, Свердловская обл., Екатеринбург, ул. Малышева, д. 51, кв. 12", "домофон 12",
                "Объявленная ценность: 5 215,50 руб.", "Наложенный платёж: 5 215,50 руб.", "Мест: 2", "2,150 кг",
                "300 × 200 × 150 мм", "RA123456785RU", orderId.toString() }) {
            assertTrue(text.contains(expected), "shipping document lacks '" + expected + "':\n" + text);
        }
        download(MANAGER, id, "shipping-document.pdf");

        // the issue asks for the time to render a document: in process, without HTTP
        Shipment shipment = shipments.get(UUID.fromString(id));
        long renderStart = System.nanoTime();
        byte[] last = null;
        for (int i = 0; i < 20; i++) {
            last = documents.shippingDocument(shipment);
        }
        System.out.printf("MEASURE shipping document render, warm: %.1f ms each%n",
                (System.nanoTime() - renderStart) / 20 / 1e6);
        assertTrue(text(last).contains("Анна Смирнова"));
    }

    @Test
    void documentsAreGuarded() throws Exception {
        UUID orderId = UUID.randomUUID();
        String id = shipped(codOrder(orderId));
        given().auth().oauth2(TestInfra.token("dir-1", "DIRECTOR")).get("/shipments/{id}/packing-list.pdf", id).then()
                .statusCode(403).contentType("application/problem+json");
        given().get("/shipments/{id}/shipping-document.pdf", id).then().statusCode(401);
        given().auth().oauth2(WAREHOUSE).get("/shipments/{id}/packing-list.pdf", UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json").body("type", equalTo("urn:parus:problem:not-found"));
    }
}
