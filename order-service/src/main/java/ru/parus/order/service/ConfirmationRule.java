package ru.parus.order.service;

import java.util.List;

import ru.parus.order.domain.Order;
import ru.parus.platform.problem.Problem;

/** A rule that must hold before an order is confirmed (R5, R7); every implementation is asked. */
public interface ConfirmationRule {
    /** Empty when the order may be confirmed; otherwise what is missing or wrong. */
    List<Problem.FieldError> violations(Order order);
}
