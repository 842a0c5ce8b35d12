package ru.parus.order;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import ru.parus.order.domain.Order;
import ru.parus.order.service.ConfirmationRule;
import ru.parus.platform.problem.Problem;

/**
 * A confirmation rule of the tests (as R7's upsell rule will be one): it objects to orders whose packaging
 * notes carry {@link #MARKER}, so that a test can prove every rule is asked before confirmation.
 */
@ApplicationScoped
public class MarkerConfirmationRule implements ConfirmationRule {
    static final String MARKER = "test-rule-objects";

    @Override
    public List<Problem.FieldError> violations(Order order) {
        return MARKER.equals(order.packagingNotes)
                ? List.of(new Problem.FieldError("offers", "2 offers still to record"))
                : List.of();
    }
}
