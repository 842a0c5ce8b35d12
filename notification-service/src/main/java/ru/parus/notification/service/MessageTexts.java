package ru.parus.notification.service;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import ru.parus.notification.domain.OrderProjection;

/**
 * The template parameters of event-caused messages, as Russian text (R13, R15, R25, R11). Money is kopecks in a long.
 */
public final class MessageTexts {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private MessageTexts() {
    }

    /** 521550 -> "5 215,50 ₽" (R13: payment details in the customer's words). */
    public static String rubles(long kopecks) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.forLanguageTag("ru-RU"));
        symbols.setGroupingSeparator(' ');
        symbols.setDecimalSeparator(',');
        DecimalFormat format = new DecimalFormat("#,##0.00", symbols);
        return format.format(java.math.BigDecimal.valueOf(kopecks, 2)) + " ₽";
    }

    /** R11: the sample parameters of a promotion (title, offer, promoCode, validUntil) for previews. */
    public static Map<String, String> promotionSample() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("title", "Скидка 15% на протеин");
        out.put("offer", "До конца декабря — минус 15% на весь сывороточный протеин WATTN.");
        out.put("promoCode", "WINTER15");
        out.put("validUntil", "31.12.2026");
        return out;
    }

    public static String orderNumber(UUID orderId) {
        return orderId.toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /**
     * R13: "your order is ready" with payment and delivery details: from the shipment event's parameters
     * ({@code deliveryMethod}, {@code pickupPointId}, {@code terminalId}, {@code trackingNumber},
     * {@code cashOnDeliveryKopecks}, {@code packed}) and the order projection.
     */
    public static Map<String, String> orderReady(Map<String, String> shipment, OrderProjection order) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("orderNumber", orderNumber(order.orderId));
        String method = nz(shipment.get("deliveryMethod"), nz(order.deliveryMethod, ""));
        String point = nz(shipment.get("pickupPointId"), nz(order.pickupPointId, ""));
        String terminal = nz(shipment.get("terminalId"), nz(order.terminalId, ""));
        out.put("readyWhere", switch (method) {
            case "COURIER" -> "собран и передаётся курьеру";
            case "PICKUP_POINT" -> "прибыл в пункт выдачи" + (point.isEmpty() ? "" : " " + point);
            case "TRANSPORT_COMPANY" -> "прибыл на терминал транспортной компании" + (terminal.isEmpty() ? "" : " " + terminal);
            case "RUSSIAN_POST" -> "прибыл в почтовое отделение";
            default -> "готов";
        });
        long due = shipment.get("cashOnDeliveryKopecks") != null ? Long.parseLong(shipment.get("cashOnDeliveryKopecks"))
                : order.cashOnDeliveryKopecks != null ? order.cashOnDeliveryKopecks : 0;
        if (order.paid || due == 0 && "ONLINE".equals(order.paymentMethod)) {
            out.put("payment", "Заказ оплачен.");
        } else if (due > 0) {
            out.put("payment", "К оплате при получении: " + rubles(due) + ".");
        } else if (order.payableKopecks != null) {
            out.put("payment", "Сумма заказа: " + rubles(order.payableKopecks) + ".");
        } else {
            out.put("payment", "");
        }
        String delivery = "";
        if ("COURIER".equals(method) && order.deliveryDate != null) {
            delivery = "Доставка " + DATE.format(order.deliveryDate)
                    + (order.windowFrom != null && order.windowTo != null
                            ? " с " + order.windowFrom + " до " + order.windowTo : "")
                    + (order.deliveryAddress != null ? " по адресу: " + order.deliveryAddress : "") + ".";
        } else if (!point.isEmpty() && "PICKUP_POINT".equals(method)) {
            delivery = "Возьмите с собой паспорт или код получения.";
        }
        out.put("delivery", delivery);
        out.put("trackingNumber", nz(shipment.get("trackingNumber"), ""));
        return out;
    }

    /** R15: the payment reminder's parameters. */
    public static Map<String, String> paymentReminder(UUID orderId, long payableKopecks, String paymentLink) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("orderNumber", orderNumber(orderId));
        out.put("amount", rubles(payableKopecks));
        out.put("paymentLink", nz(paymentLink, ""));
        return out;
    }

    /** R25: the replenishment reminder's parameters: the product (its SKU if it has no name) and the run-out date. */
    public static Map<String, String> replenishmentReminder(String productName, String sku, LocalDate runOutOn) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("productName", nz(productName, nz(sku, "товар")));
        out.put("runOutOn", DATE.format(runOutOn));
        return out;
    }

    /** R11: the bonus expiry warning's parameters: "5 468", "11.12.2026", "9 120 баллов". */
    public static Map<String, String> bonusPointsExpiring(long expiringPoints, LocalDate expiresOn, long balancePoints) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("expiringPoints", grouped(expiringPoints));
        out.put("expiresOn", DATE.format(expiresOn));
        out.put("balancePoints", grouped(balancePoints) + " " + points(balancePoints));
        return out;
    }

    /** 9120 -> "9 120". */
    static String grouped(long value) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.forLanguageTag("ru-RU"));
        symbols.setGroupingSeparator(' ');
        return new DecimalFormat("#,##0", symbols).format(value);
    }

    /** The Russian plural of "балл" after a number: 1 балл, 2 балла, 5 баллов, 11 баллов, 21 балл. */
    static String points(long n) {
        long lastTwo = Math.abs(n) % 100;
        long last = lastTwo % 10;
        if (lastTwo >= 11 && lastTwo <= 14) {
            return "баллов";
        }
        return last == 1 ? "балл" : last >= 2 && last <= 4 ? "балла" : "баллов";
    }

    private static String nz(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }
}
