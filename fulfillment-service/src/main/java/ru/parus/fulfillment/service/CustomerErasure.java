package ru.parus.fulfillment.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.parus.fulfillment.domain.OrderState;
import ru.parus.fulfillment.domain.Shipment;
import ru.parus.fulfillment.domain.ShipmentReport;
import ru.parus.fulfillment.repository.ErasedCustomers;
import ru.parus.fulfillment.repository.OrderStateRepository;
import ru.parus.fulfillment.repository.ShipmentReportRepository;
import ru.parus.fulfillment.repository.ShipmentRepository;

/**
 * R24: after customer-service erased a customer on request, fulfilment forgets the customer's personal data in its own
 * tables: the recipient (name, phone), the delivery address with its comment and the packaging notes of every shipment
 * and of every stored OrderConfirmed, the free-text reasons of cancellations and of carriers' reports. Ids, statuses,
 * lines, dates, carriers, tracking numbers and money stay, so shipments still count and reconcile. Blanking what is
 * blank changes nothing, so a second delivery (or a replay) is harmless even past the inbox. The customer is
 * remembered, so an order of theirs confirmed after the erasure is stored blank as well ({@link #blankIfErased}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CustomerErasure {
    /** What replaces a free-text reason that was there (a null stays null). */
    public static final String ERASED_TEXT = "[удалено по запросу клиента]";

    @Inject
    EntityManager em;
    @Inject
    ShipmentRepository shipments;
    @Inject
    ShipmentReportRepository reports;
    @Inject
    OrderStateRepository orderStates;
    @Inject
    ErasedCustomers erased;
    @Inject
    ObjectMapper mapper;

    public void erase(UUID customerId, OffsetDateTime erasedAt) {
        erased.remember(customerId, erasedAt);
        List<Shipment> theirs = shipments.ofCustomer(customerId);
        for (Shipment s : theirs) {
            em.lock(s, LockModeType.PESSIMISTIC_WRITE); // warehouse reports on the shipment take turns with this
            if (s.details != null) {
                s.details = blankOrder(s.details);
            }
            if (s.cancellationReason != null) {
                s.cancellationReason = ERASED_TEXT;
            }
            if (s.personalDataErasedAt == null) {
                s.personalDataErasedAt = erasedAt;
            }
        }
        if (!theirs.isEmpty()) {
            for (ShipmentReport r : reports.ofShipments(theirs.stream().map(s -> s.id).toList())) {
                r.body = blankReport(r.body);
            }
        }
        for (UUID orderId : orderStates.confirmedOf(customerId)) {
            OrderState state = orderStates.lock(orderId);
            state.confirmedPayload = blankOrder(state.confirmedPayload);
            if (state.cancelReason != null) {
                state.cancelReason = ERASED_TEXT;
            }
        }
    }

    /** When the customer was erased here, if they were. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OffsetDateTime erasedAt(UUID customerId) {
        if (customerId == null) {
            return null;
        }
        return erased.erasedAt(customerId);
    }

    /**
     * R24: an OrderConfirmed of an erased customer that arrives after the erasure is kept without personal data;
     * {@code erasedAt} from {@link #erasedAt(UUID)}.
     */
    public String blankIfErased(OffsetDateTime erasedAt, String confirmedPayload) {
        return erasedAt == null ? confirmedPayload : blankOrder(confirmedPayload);
    }

    /**
     * The JSON of an OrderConfirmed or of a shipment's details (the same members) without the recipient, the address
     * (with its comment) and the packaging notes; pickup point, terminal, date, window and lines stay.
     */
    String blankOrder(String json) {
        JsonNode node = read(json);
        if (!(node instanceof ObjectNode original)) {
            return json;
        }
        ObjectNode o = original.deepCopy();
        o.putNull("recipient");
        o.putNull("packagingNotes");
        if (o.get("delivery") instanceof ObjectNode delivery) {
            delivery.putNull("address");
        }
        return o.equals(original) ? json : o.toString(); // unchanged when already blank: no new version
    }

    /** A carrier's or the warehouse's report keeps its kind, figures and tracking number, not its free-text reason. */
    String blankReport(String json) {
        JsonNode node = read(json);
        if (node instanceof ObjectNode o && o.hasNonNull("reason") && !ERASED_TEXT.equals(o.get("reason").asText())) {
            o.put("reason", ERASED_TEXT);
            return o.toString();
        }
        return json;
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }
}
