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
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import ru.parus.platform.pdf.PdfText;

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

    private PriceListPdf() {
    }

    /** @param storefront the storefront named in the heading, or null for all */
    static byte[] render(String storefront, LocalDate date, List<Section> sections) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Table t = new Table(doc, font(doc, FONT), font(doc, BOLD_FONT));
            t.heading("Прайс-лист" + (storefront == null ? "" : " " + storefront) + " на " + DATE.format(date));
            t.note("Цены в рублях, с НДС. Действительны на дату прайс-листа.");
            for (Section s : sections) {
                t.category(s.category());
                for (Row r : s.rows()) {
                    t.row(r.sku(), r.name(), price(r.priceKopecks(), r.currency()));
                }
            }
            t.close();
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

    /** Rows down A4 pages: SKU, name (wrapped) and price (right-aligned); a new page when one is full. */
    private static final class Table {
        static final float MARGIN = 40;
        static final float SIZE = 9;
        static final float LEADING = 12;
        static final float SKU_X = MARGIN;
        static final float NAME_X = 150;
        static final float PRICE_RIGHT = PDRectangle.A4.getWidth() - MARGIN;
        static final float NAME_WIDTH = PRICE_RIGHT - 90 - NAME_X;
        final PDDocument doc;
        final PDType0Font font;
        final PDType0Font bold;
        PDPageContentStream stream;
        float y;

        Table(PDDocument doc, PDType0Font font, PDType0Font bold) throws IOException {
            this.doc = doc;
            this.font = font;
            this.bold = bold;
            page();
        }

        void heading(String text) throws IOException {
            text(bold, 14, MARGIN, text);
            y -= 20;
        }

        void note(String text) throws IOException {
            text(font, SIZE, MARGIN, text);
            y -= LEADING * 1.5f;
        }

        void category(String name) throws IOException {
            if (y < MARGIN + 3 * LEADING) {
                page();
            }
            y -= LEADING / 2;
            text(bold, 11, MARGIN, name);
            y -= LEADING * 1.3f;
        }

        void row(String sku, String name, String price) throws IOException {
            List<String> lines = PdfText.wrap(font, SIZE, PdfText.printable(font, name), NAME_WIDTH);
            if (y - (lines.size() - 1) * LEADING < MARGIN) {
                page();
            }
            text(font, SIZE, SKU_X, PdfText.printable(font, sku));
            text(font, SIZE, PRICE_RIGHT - PdfText.width(font, SIZE, price), price);
            for (String line : lines) {
                text(font, SIZE, NAME_X, line);
                y -= LEADING;
            }
        }

        void close() throws IOException {
            stream.close();
        }

        private void page() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            stream = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private void text(PDType0Font f, float size, float x, String text) throws IOException {
            stream.beginText();
            stream.setFont(f, size);
            stream.newLineAtOffset(x, y);
            stream.showText(text);
            stream.endText();
        }

    }
}
