package ru.parus.fulfillment.event;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What the order agreed and the warehouse and carrier need (R12); kept with the shipment as JSON. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ShipmentDetails(Recipient recipient, Delivery delivery, String packagingNotes, List<Line> lines) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Recipient(String name, String phone) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Address(String postalCode, String region, String city, String street, String house,
            String apartment, String comment) {
        /** One line, as a carrier writes it: index, region, city, street, house, apartment. */
        public String oneLine() {
            StringBuilder b = new StringBuilder();
            for (String part : new String[] { postalCode, region, city, street,
                    house == null ? null : "д. " + house, apartment == null ? null : "кв. " + apartment }) {
                if (part != null && !part.isBlank()) {
                    b.append(b.isEmpty() ? "" : ", ").append(part);
                }
            }
            return b.toString();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Delivery(Address address, String pickupPointId, String terminalId, LocalDate date,
            String windowFrom, String windowTo) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(String sku, String name, String variant, int quantity, long unitPriceKopecks,
            long lineTotalKopecks) {
    }
}
