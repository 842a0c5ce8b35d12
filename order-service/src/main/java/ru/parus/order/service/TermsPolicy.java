package ru.parus.order.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ru.parus.order.config.OrderConfig;
import ru.parus.order.domain.DeliveryMethod;
import ru.parus.order.domain.Order;
import ru.parus.order.domain.PaymentMethod;
import ru.parus.platform.problem.Problem;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;

/** The rules of agreed terms: which payment goes with which delivery (R4), what must be agreed (R5). */
@ApplicationScoped
public class TermsPolicy {
    @Inject
    OrderConfig config;
    @Inject
    Clock clock;

    /** R4: the delivery methods a payment method allows, from configuration. */
    public List<DeliveryMethod> allowedDeliveries(PaymentMethod payment) {
        OrderConfig.Compatibility c = config.compatibility();
        return switch (payment) {
            case ONLINE -> c.online();
            case CASH_TO_COURIER -> c.cashToCourier();
            case AT_PICKUP_POINT -> c.atPickupPoint();
            case AT_TRANSPORT_COMPANY -> c.atTransportCompany();
            case POST_COD -> c.postCod();
        };
    }

    /** R4: the payment methods that go with a delivery method. */
    public List<PaymentMethod> allowedPayments(DeliveryMethod delivery) {
        return java.util.Arrays.stream(PaymentMethod.values())
                .filter(p -> allowedDeliveries(p).contains(delivery)).toList();
    }

    /** R4: an invalid pair is refused, naming the allowed choices. Also checks what is wrong in itself. */
    public void check(Terms t) {
        if (t.paymentMethod() != null && t.deliveryMethod() != null
                && !allowedDeliveries(t.paymentMethod()).contains(t.deliveryMethod())) {
            throw new ProblemException(ProblemType.VALIDATION,
                    "R4: payment " + t.paymentMethod() + " does not go with delivery " + t.deliveryMethod()
                            + "; with " + t.paymentMethod() + " deliver by " + allowedDeliveries(t.paymentMethod())
                            + ", with " + t.deliveryMethod() + " pay by " + allowedPayments(t.deliveryMethod()),
                    List.of(new Problem.FieldError("deliveryMethod", "not allowed with " + t.paymentMethod())))
                    .with("allowedDeliveryMethods", allowedDeliveries(t.paymentMethod()))
                    .with("allowedPaymentMethods", allowedPayments(t.deliveryMethod()));
        }
        if (t.deliveryDate() != null && t.deliveryDate().isBefore(today())) {
            throw ProblemException.invalidField("deliveryDate", "R5: the delivery date " + t.deliveryDate()
                    + " is in the past (today is " + today() + ")");
        }
        if (t.windowFrom() != null && t.windowTo() != null && !t.windowFrom().isBefore(t.windowTo())) {
            throw ProblemException.invalidField("windowTo", "the time window must end after it starts");
        }
    }

    /** R5: the agreed fields still missing; the order is not confirmed while any is. */
    public List<Problem.FieldError> missing(Order o) {
        List<Problem.FieldError> out = new ArrayList<>();
        if (o.lines.isEmpty()) {
            out.add(new Problem.FieldError("lines", "no items agreed"));
        }
        if (o.paymentMethod == null) {
            out.add(new Problem.FieldError("paymentMethod", "not agreed"));
        }
        if (o.deliveryMethod == null) {
            out.add(new Problem.FieldError("deliveryMethod", "not agreed"));
        }
        if (blank(o.recipientName)) {
            out.add(new Problem.FieldError("recipient.name", "not agreed"));
        }
        if (blank(o.recipientPhone)) {
            out.add(new Problem.FieldError("recipient.phone", "not agreed"));
        }
        if (o.deliveryMethod != null) {
            if (o.deliveryMethod.needsAddress() && (o.address == null || !o.address.isComplete())) {
                out.add(new Problem.FieldError("address", "city, street and house are needed for " + o.deliveryMethod));
            }
            if (o.deliveryMethod == DeliveryMethod.PICKUP_POINT && blank(o.pickupPointId)) {
                out.add(new Problem.FieldError("pickupPointId", "needed for PICKUP_POINT"));
            }
            if (o.deliveryMethod == DeliveryMethod.TRANSPORT_COMPANY && blank(o.terminalId)) {
                out.add(new Problem.FieldError("terminalId", "needed for TRANSPORT_COMPANY"));
            }
        }
        if (o.deliveryDate == null) {
            out.add(new Problem.FieldError("deliveryDate", "not agreed"));
        }
        if (o.windowFrom == null) {
            out.add(new Problem.FieldError("windowFrom", "not agreed"));
        }
        if (o.windowTo == null) {
            out.add(new Problem.FieldError("windowTo", "not agreed"));
        }
        return out;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of(config.zone())));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
