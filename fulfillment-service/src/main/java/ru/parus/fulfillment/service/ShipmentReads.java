package ru.parus.fulfillment.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.fulfillment.config.FulfillmentConfig;
import ru.parus.fulfillment.domain.Shipment;
import ru.parus.fulfillment.domain.ShipmentStatus;
import ru.parus.fulfillment.event.ShipmentDetails;
import ru.parus.fulfillment.repository.ShipmentRepository;
import ru.parus.platform.access.CustomerAccess;
import ru.parus.platform.access.PersonalDataAudit;
import ru.parus.platform.paging.Page;
import ru.parus.platform.paging.PageRequest;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;

/**
 * R24, R22: who reads a shipment and its papers, and the log of the personal data they were shown. The warehouse (and
 * the head, the director, the admin) reads every shipment; a manager those of their own customers, of unowned ones and
 * of a colleague they deputise for ({@link CustomerAccess#checkFulfilment}, one policy for every service). Every answer
 * that shows the recipient or the address is logged as PersonalDataAccessed through the outbox, in the transaction of
 * the read, so a refused or failed read is never logged.
 */
@ApplicationScoped
@Transactional
public class ShipmentReads {
    static final int DEFAULT_PAGE_SIZE = 20;

    @Inject
    ShipmentService service;
    @Inject
    ShipmentRepository shipments;
    @Inject
    ShipmentDocuments documents;
    @Inject
    CustomerAccess access;
    @Inject
    PersonalDataAudit audit;
    @Inject
    FulfillmentConfig config;

    /** A shipment with what the order agreed ({@code details} null when the shipment has none). */
    public record Read(Shipment shipment, ShipmentDetails details) {
    }

    /** R24, R22: the shipment, if the caller may read it: 404 when there is none, then 403 when it is another's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Shipment shipment(UUID id) {
        Shipment shipment = service.get(id);
        check(shipment);
        return shipment;
    }

    /** R24, R22: {@link #shipment}, with its recipient and address logged as read through {@code endpoint}. */
    public Read read(UUID id, String endpoint) {
        return shown(shipment(id), endpoint);
    }

    /** R12, R24: the packing list; it shows no recipient or address (lines and packaging notes), so nothing is logged. */
    public byte[] packingList(UUID id) {
        return documents.packingList(shipment(id));
    }

    /**
     * R12, R24: the shipping document shows the recipient and the address: logged. An erased customer's shipment still
     * in the warehouse has neither, so it cannot be handed to a carrier: a 422 problem says so instead of a document
     * a carrier could not deliver ({@link #refuseHandOverIfErased}); after hand-over the document is printed with the
     * recipient and address marked as erased, for the carrier's and the accounts' records.
     */
    public byte[] shippingDocument(UUID id, String endpoint) {
        Shipment shipment = shipment(id);
        refuseHandOverIfErased(shipment);
        byte[] pdf = documents.shippingDocument(shipment);
        log(shipment, service.details(shipment), endpoint);
        return pdf;
    }

    /**
     * R24: a page of shipments, newest first, narrowed to a status, a carrier code and a delivery method, within the
     * caller's scope: the warehouse (head, director, admin) sees all, a manager the shipments of their own, their
     * deputised colleagues' and unowned customers. The items show no recipient or address, so nothing is logged.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Shipment> list(String status, String carrier, String deliveryMethod, Integer page, Integer size) {
        PageRequest paging = PageRequest.of(page, size, DEFAULT_PAGE_SIZE, config.maxPageSize());
        ShipmentRepository.Filter filter = new ShipmentRepository.Filter(status(status), carrier(carrier),
                deliveryMethod(deliveryMethod));
        var scope = access.fulfilmentScope();
        return Page.of(paging, shipments.count(filter, scope), shipments.page(filter, scope, paging));
    }

    /**
     * R24: a shipment whose customer's personal data were erased, still in the warehouse, has no recipient or address
     * and cannot be shipped: 422 {@code urn:parus:problem:unprocessable} with {@code personalDataErasedAt}. The order
     * is to be cancelled (the shipment is then cancelled too), or the customer gives a new address in a new order.
     */
    public static void refuseHandOverIfErased(Shipment shipment) {
        if (shipment.personalDataErasedAt != null && shipment.status.inWarehouse()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "R24: the customer's personal data were erased on "
                    + "request, so the shipment has no recipient and no address and cannot be handed to a carrier; "
                    + "cancel the order, or take a new order with a new address")
                    .with("shipmentId", shipment.id.toString())
                    .with("currentStatus", shipment.status.name())
                    .with("personalDataErasedAt", shipment.personalDataErasedAt.toString());
        }
    }

    private void check(Shipment shipment) {
        // a shipment without a customer has no owner: readable as an unowned customer's would be
        if (shipment.customerId != null) {
            access.checkFulfilment(shipment.customerId);
        }
    }

    private Read shown(Shipment shipment, String endpoint) {
        ShipmentDetails details = shipment.details == null ? null : service.details(shipment);
        log(shipment, details, endpoint);
        return new Read(shipment, details);
    }

    /** R24: the personal data an answer with these details shows: the recipient (name, phone), the address. */
    private void log(Shipment shipment, ShipmentDetails details, String endpoint) {
        if (details == null) {
            return;
        }
        List<String> fields = new ArrayList<>();
        if (details.recipient() != null) {
            fields.add("recipient");
        }
        if (details.delivery() != null && details.delivery().address() != null) {
            fields.add("address");
        }
        if (!fields.isEmpty()) {
            audit.read(shipment.customerId, endpoint, fields);
        }
    }

    private static ShipmentStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ShipmentStatus.valueOf(status.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("status", "not a shipment status: " + status)
                    .with("allowedStatuses", Arrays.stream(ShipmentStatus.values()).map(Enum::name).toList());
        }
    }

    private String carrier(String carrier) {
        if (carrier == null || carrier.isBlank()) {
            return null;
        }
        List<String> codes = config.carriers().values().stream().map(FulfillmentConfig.Carrier::code).sorted()
                .toList();
        if (!codes.contains(carrier.trim())) {
            throw ProblemException.invalidField("carrier", "not a configured carrier code: " + carrier)
                    .with("allowedCarriers", codes);
        }
        return carrier.trim();
    }

    private String deliveryMethod(String method) {
        if (method == null || method.isBlank()) {
            return null;
        }
        List<String> methods = config.carriers().keySet().stream().sorted().toList();
        if (!methods.contains(method.trim())) {
            throw ProblemException.invalidField("deliveryMethod", "not a delivery method: " + method)
                    .with("allowedDeliveryMethods", methods);
        }
        return method.trim();
    }
}
