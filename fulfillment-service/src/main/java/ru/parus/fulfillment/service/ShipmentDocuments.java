package ru.parus.fulfillment.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import ru.parus.fulfillment.domain.Shipment;
import ru.parus.fulfillment.event.ShipmentDetails;
import ru.parus.platform.pdf.PdfPageWriter;

/**
 * R12: the packing list for the warehouse and the shipping document for the carrier, as PDF in Russian.
 * The text font is DejaVu Sans from the {@code net.sf.jasperreports:jasperreports-fonts} artifact, embedded as
 * a subset, so documents look the same on every machine and never depend on its installed fonts.
 */
@ApplicationScoped
public class ShipmentDocuments {
    static final String FONT = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";
    static final String BOLD_FONT = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf";
    private static final Locale RU = Locale.forLanguageTag("ru-RU");
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    /** R24: what a document shows in place of the recipient, address and notes of an erased customer. */
    static final String ERASED = "удалено по запросу клиента";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    @Inject
    ShipmentService shipments;

    /** Упаковочный лист: what to pick and pack, with the packaging notes. */
    public byte[] packingList(Shipment s) {
        ShipmentDetails d = shipments.details(s);
        return render(w -> {
            w.title("Упаковочный лист");
            w.field("Отправление", s.id.toString());
            w.field("Заказ", s.orderId.toString());
            w.field("Создано", DATE_TIME.format(s.createdAt.atZoneSameInstant(MOSCOW)) + " (МСК)");
            w.field("Способ доставки", deliveryMethod(s.deliveryMethod));
            w.field("Перевозчик", s.carrierName);
            w.field("Дата доставки", when(d.delivery()));
            w.gap();
            w.bold("№   Артикул            Кол-во   Наименование (вариант)");
            int n = 0;
            int units = 0;
            for (ShipmentDetails.Line line : d.lines()) {
                n++;
                units += line.quantity();
                w.text(String.format("%-3d %-18s %6d   %s%s", n, line.sku(), line.quantity(), line.name(),
                        line.variant() == null ? "" : " (" + line.variant() + ")"));
            }
            w.gap();
            w.field("Позиций", Integer.toString(n));
            w.field("Единиц товара", Integer.toString(units));
            w.field("Примечания к упаковке", s.personalDataErasedAt != null ? ERASED
                    : d.packagingNotes() == null || d.packagingNotes().isBlank() ? "нет" : d.packagingNotes());
            w.field("Наложенный платёж", s.cashOnDeliveryKopecks > 0 ? rubles(s.cashOnDeliveryKopecks)
                    + " — вложить бланк" : "нет (оплачено)");
        });
    }

    /** Сопроводительный документ перевозчику: recipient, address, declared value, cash on delivery, parcels. */
    public byte[] shippingDocument(Shipment s) {
        ShipmentDetails d = shipments.details(s);
        ShipmentDetails.Delivery delivery = d.delivery();
        return render(w -> {
            w.title("Сопроводительный документ перевозчику");
            w.field("Перевозчик", s.carrierName + " (" + s.carrierCode + ")");
            w.field("Отправление", s.id.toString());
            w.field("Заказ", s.orderId.toString());
            w.field("Трек-номер", s.trackingNumber == null ? "не присвоен" : s.trackingNumber);
            w.field("Способ доставки", deliveryMethod(s.deliveryMethod));
            w.gap();
            boolean erased = s.personalDataErasedAt != null; // R24: blank since the customer's erasure
            w.field("Получатель", erased ? ERASED : d.recipient() == null ? "" : d.recipient().name());
            w.field("Телефон", erased ? ERASED : d.recipient() == null ? "" : d.recipient().phone());
            if (erased && s.deliveryMethod != null
                    && ("COURIER".equals(s.deliveryMethod) || "RUSSIAN_POST".equals(s.deliveryMethod))) {
                w.field("Адрес", ERASED);
            }
            if (delivery != null && delivery.address() != null) {
                w.field("Адрес", delivery.address().oneLine());
                if (delivery.address().comment() != null) {
                    w.field("Комментарий", delivery.address().comment());
                }
            }
            if (delivery != null && delivery.pickupPointId() != null) {
                w.field("Пункт выдачи", delivery.pickupPointId());
            }
            if (delivery != null && delivery.terminalId() != null) {
                w.field("Терминал", delivery.terminalId());
            }
            w.field("Дата и интервал", when(delivery));
            w.gap();
            w.field("Объявленная ценность", rubles(s.declaredValueKopecks));
            w.field("Наложенный платёж", s.cashOnDeliveryKopecks > 0 ? rubles(s.cashOnDeliveryKopecks) : "нет");
            w.field("Мест", s.parcels == null ? "не упаковано" : s.parcels.toString());
            w.field("Вес", s.weightGrams == null ? "—" : String.format(RU, "%.3f кг", s.weightGrams / 1000.0));
            if (s.lengthMm != null && s.widthMm != null && s.heightMm != null) {
                w.field("Габариты", s.lengthMm + " × " + s.widthMm + " × " + s.heightMm + " мм");
            }
        });
    }

    /** 521550 -> "5 215,50 руб." */
    static String rubles(long kopecks) {
        String rub = String.format(Locale.ROOT, "%,d", kopecks / 100).replace(',', ' ').replace('\u00a0', ' ');
        return rub + "," + String.format("%02d", Math.abs(kopecks % 100)) + " руб.";
    }

    private static String when(ShipmentDetails.Delivery d) {
        if (d == null || d.date() == null) {
            return "не согласована";
        }
        return DATE.format(d.date()) + ", " + d.windowFrom() + "–" + d.windowTo();
    }

    private static String deliveryMethod(String method) {
        return switch (method) {
            case "COURIER" -> "курьер до двери";
            case "PICKUP_POINT" -> "пункт выдачи заказов";
            case "TRANSPORT_COMPANY" -> "транспортная компания, терминал";
            case "RUSSIAN_POST" -> "Почта России";
            default -> method;
        };
    }

    interface Content {
        void write(Lines w) throws IOException;
    }

    private byte[] render(Content content) {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = load(doc, FONT);
            PDType0Font bold = load(doc, BOLD_FONT);
            try (PdfPageWriter page = new PdfPageWriter(doc, Lines.MARGIN)) {
                content.write(new Lines(page, font, bold));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render a shipment document", e);
        }
    }

    /** The font files, read once; each document parses and subsets its own copy (PDFBox fonts are not shared). */
    private static final java.util.Map<String, byte[]> FONT_BYTES = new java.util.concurrent.ConcurrentHashMap<>();

    private static PDType0Font load(PDDocument doc, String resource) throws IOException {
        byte[] bytes = FONT_BYTES.computeIfAbsent(resource, r -> {
            try (InputStream in = ShipmentDocuments.class.getResourceAsStream(r)) {
                if (in == null) {
                    throw new IllegalStateException("font " + r + " is not on the class path");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return PDType0Font.load(doc, new java.io.ByteArrayInputStream(bytes), true);
    }

    /** The documents' lines, written down A4 pages by the platform's {@link PdfPageWriter}, wrapped to the page width. */
    static final class Lines {
        private static final float MARGIN = 50;
        private static final float SIZE = 10;
        private static final float LEADING = 14;
        private final PdfPageWriter page;
        private final PDType0Font font;
        private final PDType0Font bold;

        Lines(PdfPageWriter page, PDType0Font font, PDType0Font bold) {
            this.page = page;
            this.font = font;
            this.bold = bold;
        }

        void title(String text) throws IOException {
            line(bold, 14, text);
            gap();
        }

        void field(String name, String value) throws IOException {
            text(name + ": " + (value == null ? "" : value));
        }

        void bold(String text) throws IOException {
            line(bold, SIZE, text);
        }

        void text(String text) throws IOException {
            line(font, SIZE, text);
        }

        void gap() {
            page.down(LEADING / 2);
        }

        private void line(PDType0Font f, float size, String text) throws IOException {
            page.wrapped(f, size, size > SIZE ? LEADING + 4 : LEADING, page.left(), page.right() - page.left(), text);
        }
    }
}
