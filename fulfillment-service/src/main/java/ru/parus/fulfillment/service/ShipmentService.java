package ru.parus.fulfillment.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.parus.fulfillment.config.FulfillmentConfig;
import ru.parus.fulfillment.domain.OrderState;
import ru.parus.fulfillment.domain.Shipment;
import ru.parus.fulfillment.domain.ShipmentStatus;
import ru.parus.fulfillment.event.FulfillmentEvents;
import ru.parus.fulfillment.event.OrderConfirmed;
import ru.parus.fulfillment.event.ShipmentDetails;
import ru.parus.fulfillment.event.ShipmentPayloads;
import ru.parus.fulfillment.repository.OrderStateRepository;
import ru.parus.fulfillment.repository.ShipmentRepository;
import ru.parus.platform.outbox.Outbox;
import ru.parus.platform.problem.ProblemException;

/**
 * R12: a confirmed order becomes exactly one shipment as soon as it may be shipped: a cash-on-delivery order at
 * once, an order paid online when OrderPaid has come as well. Order events may arrive twice (the inbox drops
 * those) or in either order after a replay: {@link OrderState} remembers what came, and every event re-checks
 * {@link #shipIfReady}.
 */
@ApplicationScoped
@Transactional
public class ShipmentService {

    @Inject
    ShipmentRepository shipments;
    @Inject
    OrderStateRepository orderStates;
    @Inject
    Outbox outbox;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;
    @Inject
    Carriers carriers;
    @Inject
    FulfillmentConfig config;
    @Inject
    CustomerErasure erasure;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Shipment get(UUID id) {
        return shipments.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Shipment", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Shipment> byOrder(UUID orderId) {
        return shipments.byOrder(orderId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ShipmentDetails details(Shipment shipment) {
        try {
            return mapper.readValue(shipment.details, ShipmentDetails.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("shipment " + shipment.id + " has unreadable details", e);
        }
    }

    /** OrderConfirmed: keep what the order agreed; ship at once unless it must be paid first (R12). */
    public Optional<Shipment> orderConfirmed(OrderConfirmed confirmed, String rawPayload) {
        OrderState state = lockState(confirmed.orderId());
        // R24: a customer erased before their order's confirmation arrived: kept without their personal data
        OffsetDateTime erasedAt = erasure.erasedAt(confirmed.customerId());
        state.confirmedPayload = erasure.blankIfErased(erasedAt, rawPayload);
        state.requiresPrepayment = confirmed.requiresPrepayment();
        return shipIfReady(state, customerId -> erasedAt); // looked up once per event
    }

    /** OrderPaid: an online-paid order may now be shipped, if its confirmation has come (R12). */
    public Optional<Shipment> orderPaid(UUID orderId, OffsetDateTime paidAt) {
        OrderState state = lockState(orderId);
        if (state.paidAt == null) {
            state.paidAt = paidAt;
        }
        return shipIfReady(state, erasure::erasedAt);
    }

    /**
     * OrderCancelled: a shipment still in the warehouse is cancelled (ShipmentCancelled); for one handed to a
     * carrier a return is requested (ShipmentReturnRequested, {@code returnRequestedAt}), and the parcel ends as
     * the carrier reports it (returned, or delivered if the customer took it after all). Without a shipment yet, the
     * cancellation is remembered so that no shipment is ever made for the order.
     */
    public void orderCancelled(UUID orderId, OffsetDateTime cancelledAt, String reason) {
        OrderState state = lockState(orderId);
        if (state.cancelledAt == null) {
            state.cancelledAt = cancelledAt;
            state.cancelReason = reason;
        }
        Optional<Shipment> found = shipments.lockByOrder(orderId);
        if (found.isEmpty()) {
            return;
        }
        Shipment shipment = found.get();
        if (shipment.status.inWarehouse()) {
            ShipmentStatus previous = shipment.status;
            OffsetDateTime now = OffsetDateTime.now(clock);
            shipment.status = ShipmentStatus.CANCELLED;
            shipment.cancelledAt = now;
            shipment.statusChangedAt = now;
            shipment.cancellationReason = reason;
            outbox.publish(FulfillmentEvents.TOPIC, FulfillmentEvents.AGGREGATE, shipment.orderId,
                    FulfillmentEvents.CANCELLED, new ShipmentPayloads.ShipmentCancelled(shipment.id, shipment.orderId,
                            now, reason, previous.name()));
        } else if (!shipment.status.terminal() && shipment.returnRequestedAt == null) {
            OffsetDateTime now = OffsetDateTime.now(clock);
            shipment.returnRequestedAt = now;
            shipment.cancellationReason = reason;
            outbox.publish(FulfillmentEvents.TOPIC, FulfillmentEvents.AGGREGATE, shipment.orderId,
                    FulfillmentEvents.RETURN_REQUESTED, new ShipmentPayloads.ShipmentReturnRequested(shipment.id,
                            shipment.orderId, now, reason, shipment.status.name(), shipment.carrierCode,
                            shipment.trackingNumber));
        }
    }

    /**
     * R12: one shipment per order, made when the order is confirmed, not cancelled and paid if it must be.
     * {@code erasedAt} says when the order's customer was erased, if they were (R24), asked only for a new shipment.
     */
    private Optional<Shipment> shipIfReady(OrderState state, Function<UUID, OffsetDateTime> erasedAt) {
        state.updatedAt = OffsetDateTime.now(clock);
        if (state.confirmedPayload == null || state.cancelledAt != null
                || (Boolean.TRUE.equals(state.requiresPrepayment) && state.paidAt == null)) {
            return Optional.empty();
        }
        if (shipments.lockByOrder(state.orderId).isPresent()) {
            return Optional.empty();
        }
        OrderConfirmed order;
        try {
            order = mapper.readValue(state.confirmedPayload, OrderConfirmed.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored OrderConfirmed of " + state.orderId + " is unreadable", e);
        }
        FulfillmentConfig.Carrier carrier = carriers.of(order.deliveryMethod());
        ShipmentDetails details = new ShipmentDetails(order.recipient(), order.delivery(), order.packagingNotes(),
                order.lines());
        Shipment shipment = new Shipment();
        shipment.id = UUID.randomUUID();
        shipment.orderId = order.orderId();
        shipment.customerId = order.customerId();
        shipment.status = ShipmentStatus.CREATED;
        shipment.deliveryMethod = order.deliveryMethod();
        shipment.paymentMethod = order.paymentMethod();
        shipment.carrierCode = carrier.code();
        shipment.carrierName = carrier.name();
        shipment.declaredValueKopecks = order.payableKopecks() == null ? 0 : order.payableKopecks();
        shipment.cashOnDeliveryKopecks = order.cashOnDeliveryKopecks() == null ? 0 : order.cashOnDeliveryKopecks();
        shipment.createdAt = OffsetDateTime.now(clock);
        shipment.statusChangedAt = shipment.createdAt;
        shipment.personalDataErasedAt = erasedAt.apply(order.customerId()); // R24: details were stored blank
        try {
            shipment.details = mapper.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        shipments.persist(shipment);
        outbox.publish(FulfillmentEvents.TOPIC, FulfillmentEvents.AGGREGATE, shipment.orderId,
                FulfillmentEvents.CREATED,
                new ShipmentPayloads.ShipmentCreated(shipment.id, shipment.orderId, shipment.customerId,
                        shipment.createdAt, shipment.deliveryMethod, shipment.paymentMethod,
                        new ShipmentPayloads.Carrier(carrier.code(), carrier.name()),
                        // R24: an erased customer's shipment names no recipient (the schema wants the member)
                        details.recipient() == null ? new ShipmentDetails.Recipient("", "") : details.recipient(),
                        details.delivery(), details.packagingNotes(), details.lines(), config.currency(),
                        shipment.declaredValueKopecks, shipment.cashOnDeliveryKopecks));
        return Optional.of(shipment);
    }

    /** The order's row, created if new and locked: events of one order take turns even across replicas. */
    private OrderState lockState(UUID orderId) {
        return orderStates.lockOrCreate(orderId, OffsetDateTime.now(clock));
    }
}
