package ru.parus.notification.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import ru.parus.platform.pdf.PdfPageWriter;

/**
 * The price list as a PDF (R1, R21): a table per category of SKU, name and price in roubles, dated. Text is set in
 * DejaVu Sans from {@code net.sf.jasperreports:jasperreports-fonts}, embedded as a subset, so Cyrillic renders on any
 * reader and the text can be extracted.
 */
final class PriceListPdf {
    static final String FONT = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";
    static final String BOLD_FONT = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** One line of the list. */
    record Row(String sku, String name, long priceKopecks, String currency) {
    }

    /** A category and its rows, in print order. */
    record Section(String category, List<Row> rows) {
    }

    private static volatile byte[] regular;
    private static volatile byte[] bold;

    /** The layout: rows of SKU, name (wrapped) and price (right-aligned) down A4 pages (PdfPageWriter). */
    private static final float MARGIN = 40;
    private static final float SIZE = 9;
    private static final float LEADING = 12;
    private static final float NAME_X = 150;
    private static final float NAME_WIDTH = PDRectangle.A4.getWidth() - MARGIN - 90 - NAME_X;

    private PriceListPdf() {
    }

    private static void row(PdfPageWriter page, PDType0Font font, String sku, String name, String price)
            throws IOException {
        page.keepRoom((page.lineCount(font, SIZE, NAME_WIDTH, name) - 1) * LEADING);
        page.at(font, SIZE, page.left(), sku);
        page.rightAligned(font, SIZE, page.right(), price);
        page.wrapped(font, SIZE, LEADING, NAME_X, NAME_WIDTH, name);
    }

    /** @param storefront the storefront named in the heading, or null for all */
    static byte[] render(String storefront, LocalDate date, List<Section> sections) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font = font(doc, FONT);
            PDType0Font bold = font(doc, BOLD_FONT);
            try (PdfPageWriter page = new PdfPageWriter(doc, MARGIN)) {
                page.at(bold, 14, page.left(),
                        "Прайс-лист" + (storefront == null ? "" : " " + storefront) + " на " + DATE.format(date));
                page.down(20);
                page.at(font, SIZE, page.left(), "Цены в рублях, с НДС. Действительны на дату прайс-листа.");
                page.down(LEADING * 1.5f);
                for (Section s : sections) {
                    page.keepRoom(3 * LEADING);
                    page.down(LEADING / 2);
                    page.at(bold, 11, page.left(), s.category());
                    page.down(LEADING * 1.3f);
                    for (Row r : s.rows()) {
                        row(page, font, r.sku(), r.name(), price(r.priceKopecks(), r.currency()));
                    }
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("price list not rendered", e);
        }
    }

    /** Kopecks as roubles with a space between thousands: 249000 -> "2 490,00 руб.". */
    static String price(long kopecks, String currency) {
        String roubles = String.format(Locale.ROOT, "%,d", kopecks / 100).replace(',', ' ');
        String unit = currency == null || "RUB".equals(currency) ? "руб." : currency;
        return roubles + "," + String.format(Locale.ROOT, "%02d", Math.abs(kopecks % 100)) + " " + unit;
    }

    private static PDType0Font font(PDDocument doc, String resource) throws IOException {
        byte[] bytes = FONT.equals(resource) ? regular : bold;
        if (bytes == null) {
            try (InputStream in = PriceListPdf.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("font " + resource + " is not on the class path");
                }
                bytes = in.readAllBytes();
            }
            if (FONT.equals(resource)) {
                regular = bytes;
            } else {
                bold = bytes;
            }
        }
        return PDType0Font.load(doc, new java.io.ByteArrayInputStream(bytes), true);
    }
}
