package ru.parus.order.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ru.parus.order.domain.Order;
import ru.parus.platform.access.AccessScope;
import ru.parus.platform.access.CustomerAccess;
import ru.parus.platform.access.PersonalDataAudit;

/**
 * R22, R24: the one access policy of every service (platform {@link CustomerAccess}) applied to orders: an order is
 * its customer's, so whoever may act on the customer may read and change the order, and nobody else (403). Callers
 * look the order up first, so an unknown order stays a 404. Also records every answer that shows a customer's personal
 * data ({@link PersonalDataAudit}).
 */
@ApplicationScoped
public class OrderAccess {
    /** The personal-data fields of an order: its terms' recipient (name, phone) and delivery address. */
    public static final String RECIPIENT = "recipient";
    public static final String ADDRESS = "address";

    @Inject
    CustomerAccess access;
    @Inject
    PersonalDataAudit audit;

    /** R24, R22: a 403 problem unless the caller may act on the order's customer. */
    public Order check(Order order) {
        access.checkCustomer(order.customerId);
        return order;
    }

    /** R24: as {@link #check}, except that the warehouse moves any order along its fulfilment. */
    public Order checkFulfilment(Order order) {
        access.checkFulfilment(order.customerId);
        return order;
    }

    /** R24, R22: a 403 problem unless the caller may act on this customer (unknown customers are unowned). */
    public void checkCustomer(UUID customerId) {
        access.checkCustomer(customerId);
    }

    /** R24, R22: whose customers' orders a list shows to the caller. */
    public AccessScope scope() {
        return access.scope();
    }

    /** R24: the personal data an order's answer shows (empty while its terms name no recipient or address). */
    public static List<String> personalFields(Order order) {
        List<String> fields = new ArrayList<>(2);
        if (order.recipientName != null || order.recipientPhone != null) {
            fields.add(RECIPIENT);
        }
        if (order.address != null) {
            fields.add(ADDRESS);
        }
        return fields;
    }

    /** R24: the answer of {@code endpoint} shows this order's recipient and address: PersonalDataAccessed. */
    public void shown(Order order, String endpoint) {
        shown(order.customerId, endpoint, personalFields(order));
    }

    /** R24: the answer of {@code endpoint} shows these personal-data fields of the customer; nothing if none. */
    public void shown(UUID customerId, String endpoint, List<String> fields) {
        if (!fields.isEmpty()) {
            audit.read(customerId, endpoint, fields);
        }
    }
}
