package ru.parus.order.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.order.config.UpsellConfig;
import ru.parus.order.domain.Channel;
import ru.parus.order.domain.Order;
import ru.parus.order.repository.UpsellOfferRepository;
import ru.parus.platform.problem.Problem;

/** R7: a phone order is not confirmed until at least {@code parus.upsell.min-answered-offers} offers are answered. */
@ApplicationScoped
public class UpsellConfirmationRule implements ConfirmationRule {
    @Inject
    UpsellOfferRepository offers;
    @Inject
    UpsellConfig config;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Problem.FieldError> violations(Order order) {
        if (order.channel != Channel.PHONE) {
            return List.of();
        }
        long answered = offers.answeredFor(order.id);
        long missing = config.minAnsweredOffers() - answered;
        if (missing <= 0) {
            return List.of();
        }
        return List.of(new Problem.FieldError("offers", "R7: a phone order needs " + config.minAnsweredOffers()
                + " offers answered by the customer; " + answered + " recorded, " + missing + " missing"));
    }
}
