package ru.parus.order.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ru.parus.order.domain.Order;
import ru.parus.order.repository.DiscountRequestRepository;
import ru.parus.platform.problem.Problem;

/** R10: an order with a discount request waiting for the head is not confirmed until the head decides. */
@ApplicationScoped
public class DiscountConfirmationRule implements ConfirmationRule {
    @Inject
    DiscountRequestRepository requests;

    @Override
    public List<Problem.FieldError> violations(Order order) {
        return requests.pendingOf(order.id).stream()
                .map(r -> new Problem.FieldError("discount", "R10: discount request " + r.id + " for "
                        + r.percent.toPlainString() + "% waits for the head's decision"))
                .toList();
    }
}
